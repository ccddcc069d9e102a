import { contentWords } from '../knowledge/dutch.ts';
import type { Embedder } from '../knowledge/embedder.ts';
import { searchPassages, type Passage } from '../knowledge/search-passages.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import type { Config } from '../lib/config.ts';
import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { anonymise, repersonalise } from '../privacy/index.ts';
import type { ChatModel } from './chat-model.ts';
import { openConversation, recentExchanges, saveAnswer } from './conversations.ts';
import { pickSentences } from './extractive-answer.ts';
import { citableTeamIds } from './knowledge-scope.ts';
import { MIN_SUPPORT, support } from './grounding.ts';
import { generateModelAnswer } from './model-answer.ts';
import { feedbackActions, type Citation, type Reply, type ReplyMode, type Turn } from './reply.ts';

export interface AnswerDeps {
  db: Db;
  embedder: Embedder;
  synonyms: Synonyms;
  chatModel?: ChatModel;
  logger: Logger;
  config: Pick<Config, 'maxQuestionChars' | 'openai'>;
}

const PASSAGES_FOR_ANSWER = 5;

export const NOT_FOUND_TEXT =
  'Dat staat niet in de bronnen die ik ken, dus daar kan ik geen betrouwbaar antwoord op geven. ' +
  'Vraag het een ervaren collega of je teamleider. Gaat het om een lastige casus, breng hem dan in bij ' +
  'de twintig-ogen-bespreking in de tweewekelijkse teamvergadering.';

/**
 * Answers a coach's question with numbered citations, from the knowledge everyone reading the reply
 * may see (see `citableTeamIds`). The question is anonymised first: only the anonymised text is
 * searched, sent to a model and stored.
 */
export async function answerQuestion(deps: AnswerDeps, turn: Turn & { text: string }): Promise<Reply> {
  const started = Date.now();
  const question = turn.text.replace(/\s+/g, ' ').trim();
  if (!question) throw new WijkwijsError('question_empty', 'Je bericht is leeg. Typ een vraag, bijvoorbeeld: "Hoe lang heb ik om de hulpvraag te verkennen?"');
  if (question.length > deps.config.maxQuestionChars) {
    throw new WijkwijsError(
      'question_too_long',
      `Je vraag is te lang (${question.length} tekens, maximaal ${deps.config.maxQuestionChars}). Stel een korte vraag; plak geen hele verslagen in de chat.`,
    );
  }

  const { prisma } = deps.db;
  const privacy = anonymise(question);
  const safeQuestion = privacy.text;
  const notices = privacy.entities.length
    ? ['Ik heb persoonsgegevens uit je vraag weggelaten voordat ik ging zoeken. Zet namen, adressen en nummers van inwoners liever niet in de chat.']
    : [];

  const conversationId = await openConversation(prisma, { conversationId: turn.conversationId, channel: turn.channel, userId: turn.userId, teamId: turn.teamId });
  const history = await recentExchanges(prisma, conversationId);
  const teamIds = await citableTeamIds(prisma, turn);

  const { searchText, passages } = await groundingPassages(
    deps,
    withoutPlaceholders(safeQuestion),
    history.length ? withoutPlaceholders(history.at(-1)!.question) : undefined,
    teamIds,
  );

  let mode: ReplyMode = 'not-found';
  let text = NOT_FOUND_TEXT;
  let citations: Citation[] = [];

  if (passages.length > 0) {
    const answer = (await modelAnswer(deps, safeQuestion, passages, history)) ?? extractiveAnswer(searchText, passages, deps.synonyms);
    if (answer) ({ mode, text, citations } = answer);
  }

  const answerId = await saveAnswer(prisma, { conversationId, question: safeQuestion, text, citations, mode });
  deps.logger.info(
    { conversationId, answerId, channel: turn.channel, mode, passages: passages.length, cited: citations.length, redacted: privacy.entities.length, durationMs: Date.now() - started },
    'question answered',
  );
  return {
    conversationId,
    answerId,
    // Placeholders from the asker's own question are filled in again, for the asker's eyes only.
    text: repersonalise(text, privacy.mapping),
    citations,
    actions: feedbackActions(answerId),
    mode,
    notices,
  };
}

type Answer = { mode: ReplyMode; text: string; citations: Citation[] };

/** "Hebben we eerder een vergelijkbare casus besproken?" asks for the team's case discussions first. */
const PAST_CASE = /\b(casus(sen|besprekingen?)?|casuïstiek)\b.*\b(eerder|vaker|ooit|gehad|besproken|vergelijkbaar|vergelijkbare|soortgelijke?)\b|\b(eerder|ooit|vergelijkbare|soortgelijke?)\b.*\bcasus/i;

/**
 * The passages to answer from, with the text they were searched with. A follow-up too short to stand
 * on its own ("en verlengen?"), or one that finds nothing alone, is searched together with the
 * question before it.
 */
async function groundingPassages(
  deps: AnswerDeps,
  question: string,
  previousQuestion: string | undefined,
  teamIds: string[],
): Promise<{ searchText: string; passages: Passage[] }> {
  const attempts = [question];
  if (previousQuestion) {
    const combined = `${previousQuestion} ${question}`;
    if (contentWords(question).length <= SHORT_FOLLOW_UP_WORDS) attempts.unshift(combined);
    else attempts.push(combined);
  }
  for (const searchText of attempts) {
    const passages = await findPassages(deps, searchText, teamIds);
    if (passages.length > 0) return { searchText, passages };
  }
  return { searchText: attempts[0]!, passages: [] };
}

const SHORT_FOLLOW_UP_WORDS = 2;

async function findPassages(deps: AnswerDeps, question: string, teamIds: string[]): Promise<Passage[]> {
  if (contentWords(question).length === 0) return [];
  const search = async (type?: 'casus') =>
    (await searchPassages(deps, question, { limit: PASSAGES_FOR_ANSWER, teamIds, type })).filter((p) => support(question, p, deps.synonyms) >= MIN_SUPPORT);
  if (PAST_CASE.test(question)) {
    const cases = await search('casus');
    if (cases.length > 0) return cases;
  }
  return search();
}

async function modelAnswer(deps: AnswerDeps, question: string, passages: Passage[], history: { question: string; answer: string }[]): Promise<Answer | undefined> {
  if (!deps.chatModel) return undefined;
  try {
    const result = await generateModelAnswer({ model: deps.chatModel, synonyms: deps.synonyms, timeoutMs: deps.config.openai.timeoutMs }, question, passages, history);
    if (result.kind === 'rejected') {
      deps.logger.warn({ model: deps.chatModel.id, reason: result.reason, identifiers: result.identifiers }, 'model answer rejected; using extractive answer');
      return undefined;
    }
    if (result.kind === 'not-found') return { mode: 'not-found', text: NOT_FOUND_TEXT, citations: [] };
    // Renumber so citations run 1, 2, 3 in order of first mention.
    const order = result.cited;
    const text = result.text.replace(/\[(\d+)\]/g, (_m, n) => `[${order.indexOf(Number(n)) + 1}]`);
    return { mode: 'model', text, citations: order.map((n, i) => toCitation(passages[n - 1]!, i + 1)) };
  } catch (error) {
    deps.logger.warn({ err: error, model: deps.chatModel.id }, 'model unavailable; using extractive answer');
    return undefined;
  }
}

function extractiveAnswer(question: string, passages: Passage[], synonyms: Synonyms): Answer | undefined {
  const sentences = pickSentences(question, passages, synonyms.expansions(question.toLowerCase()));
  if (sentences.length === 0) return undefined;
  const used = [...new Set(sentences.map((s) => s.passageIndex))];
  const lines = sentences.map((s) => `• ${s.text} [${used.indexOf(s.passageIndex) + 1}]`);
  return {
    mode: 'extractive',
    text: `Dit zeggen de bronnen:\n${lines.join('\n')}`,
    citations: used.map((index, i) => toCitation(passages[index]!, i + 1)),
  };
}

function toCitation(p: Passage, n: number): Citation {
  return { n, passageId: p.id, title: p.title, location: p.location, source: p.source, reference: p.reference, type: p.type, passage: p.text };
}

function withoutPlaceholders(text: string): string {
  return text.replace(/\[[A-Z]+-\d+\]/g, ' ');
}
