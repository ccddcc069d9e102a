import { contentWords, fold } from '../knowledge/dutch.ts';
import type { Embedder } from '../knowledge/embedder.ts';
import { searchKnowledge, type FoundPassage, type Passage } from '../knowledge/search-passages.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import type { Clock } from '../lib/clock.ts';
import type { Config } from '../lib/config.ts';
import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { anonymise, repersonalise } from '../privacy/index.ts';
import type { ChatModel } from './chat-model.ts';
import { openConversation, recentExchanges, saveAnswer } from './conversations.ts';
import { citableTeamIds } from './knowledge-scope.ts';
import { judgeAnswerability } from './answerability.ts';
import { composeAnswer, NOT_FOUND_TEXT, refusalAnswer, silenceAnswer, toCitation, type Answer } from './compose-answer.ts';
import { followUpQuestions } from './follow-up-questions.ts';
import { generateModelAnswer, type AnswerPieces } from './model-answer.ts';
import { answerFromCases } from './past-cases.ts';
import { analyseQuestion, withoutMetaRequests, type QuestionAnalysis, type SalientConcept } from './question-analysis.ts';
import { answerOrigin, feedbackActions, type AnswerProgress, type Reply, type Turn } from './reply.ts';
import { chooseSentences, silenceOn } from './sentence-choice.ts';
import { withSourceDetails } from './source-details.ts';

export interface AnswerDeps {
  db: Db;
  embedder: Embedder;
  synonyms: Synonyms;
  chatModel?: ChatModel;
  logger: Logger;
  clock: Clock;
  config: Pick<Config, 'maxQuestionChars' | 'openai' | 'sourceMaxAgeDays'>;
}

const PASSAGES_FOR_ANSWER = 8;

export { NOT_FOUND_TEXT };

/**
 * Answers a coach's question with numbered citations, from the knowledge everyone reading the reply
 * may see (see `citableTeamIds`). The question is anonymised first: only the anonymised text is
 * searched, sent to a model and stored. `progress` hears what happens meanwhile and, with a chat
 * model, receives the checked answer text as it is written.
 */
export async function answerQuestion(deps: AnswerDeps, turn: Turn & { text: string }, progress?: AnswerProgress): Promise<Reply> {
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
  progress?.stage?.('searching');
  const privacy = anonymise(question);
  const safeQuestion = privacy.text;
  const notices = privacy.entities.length
    ? ['Ik heb persoonsgegevens uit je vraag weggelaten voordat ik ging zoeken. Zet namen, adressen en nummers van inwoners liever niet in de chat.']
    : [];

  const conversationId = await openConversation(prisma, { conversationId: turn.conversationId, channel: turn.channel, userId: turn.userId, teamId: turn.teamId });
  const history = await recentExchanges(prisma, conversationId);
  const teamIds = await citableTeamIds(prisma, turn);

  const plainQuestion = withoutMetaRequests(withoutPlaceholders(safeQuestion));
  const grounded = await groundQuestion(deps, plainQuestion, history, teamIds);
  let answer: Answer = grounded.answer ?? refusalAnswer(plainQuestion, grounded.analysis);
  if (grounded.passages.length > 0) {
    if (deps.chatModel) progress?.stage?.('writing');
    // What is streamed is shown to the asker: their own placeholders are filled in, as in the reply.
    const stream = progress?.text && ((piece: string) => progress.text!(repersonalise(piece, privacy.mapping)));
    answer =
      (await modelAnswer(deps, safeQuestion, grounded.passages, history, stream)) ??
      extractiveAnswer(plainQuestion, grounded, history.at(-1)?.answer) ??
      answer;
  }
  const { mode, text } = answer;
  const citations = await withSourceDetails(deps.db, answer.citations, { now: deps.clock.now(), maxAgeDays: deps.config.sourceMaxAgeDays });
  const suggestions = await followUpQuestions(deps.db, citations.map((c) => c.passageId), plainQuestion);

  const answerId = await saveAnswer(prisma, { conversationId, question: safeQuestion, text, citations, mode });
  deps.logger.info(
    {
      conversationId, answerId, channel: turn.channel, mode, passages: grounded.passages.length, cited: citations.length, redacted: privacy.entities.length,
      answerability: grounded.reason, withContext: grounded.withContext, durationMs: Date.now() - started,
    },
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
    ...(answerOrigin(mode) ? { origin: answerOrigin(mode) } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}

interface Grounded {
  analysis: QuestionAnalysis;
  /** Passages that answer the question, best first; empty when the sources do not. */
  passages: FoundPassage[];
  salient: SalientConcept[];
  /** A finished answer (from the team's cases, or a refusal made for this kind of question). */
  answer?: Answer;
  reason: string;
  withContext: boolean;
}

/**
 * Finds what answers the question. A follow-up ("en verlengen?", "hoe hebben we dat toen
 * aangepakt?") is tried with the question before it and alone, and keeps what answers its own
 * words; a question that stands on its own is judged as if asked fresh, so an earlier topic can
 * never make it look answerable. Questions about earlier cases go to the team's case discussions.
 */
async function groundQuestion(deps: AnswerDeps, question: string, history: { question: string; answer: string }[], teamIds: string[]): Promise<Grounded> {
  const asked = analyseQuestion(question);
  const context = asked.followUp ? contextOf(history) : undefined;
  // "en hoe lang duurt dat?" asks its own kind of thing; "en als ze zegt dat er niemand is?" asks what the question before it asked.
  const before = context ? analyseQuestion(context) : undefined;
  // "welk dilemma hing daaraan?" after a question about an earlier case is about that case too.
  const typed = before && asked.type === 'open' ? { ...asked, type: before.type } : asked;
  const analysis = before?.pastCase && !asked.pastCase ? { ...typed, pastCase: true, frame: new Set([...typed.frame, ...before.frame]) } : typed;
  if (contentWords(question).length === 0 && !context) return { analysis, passages: [], salient: [], reason: 'empty', withContext: false };

  if (analysis.pastCase) {
    const topics = context ? [`${withoutPlaceholders(context)} ${analysis.topicText}`, analysis.topicText] : [analysis.topicText];
    for (const [i, topicText] of topics.entries()) {
      const cases = await answerFromCases(deps, { ...analysis, topicText }, teamIds);
      if (cases) return { analysis, passages: [], salient: [], answer: cases, reason: 'cases', withContext: i === 0 && topics.length > 1 };
    }
  }
  // "en als ze zich ook nog schaamt?" adds a condition that is a question of its own: tried alone
  // first, with the conversation as the fallback. An elliptic follow-up ("en verlengen?", "hoe vaak
  // komen ze bij elkaar?") means nothing alone: tried with the conversation first.
  const withContext = context ? { text: `${withoutPlaceholders(context)} ${question}`, own: question } : undefined;
  const attempts: { text: string; own?: string }[] = !withContext ? [{ text: question }] : CONDITION.test(fold(question)) ? [{ text: question }, withContext] : [withContext, { text: question }];
  let refused: Grounded | undefined;
  for (const [i, attempt] of attempts.entries()) {
    if (contentWords(attempt.text).length === 0) continue;
    const search = await searchKnowledge(deps, attempt.text, { limit: PASSAGES_FOR_ANSWER, teamIds });
    // Only with the conversation does the follow-up ask what the question before it asked.
    const judged = attempt === withContext ? analysis : asked;
    const judgement = judgeAnswerability(judged, search, attempt.own);
    const grounded = { analysis: judged, salient: judgement.salient, reason: judgement.reason, withContext: attempt === withContext };
    if (judgement.answerable) return { ...grounded, passages: judgement.covering.slice(0, PASSAGES_TO_QUOTE) };
    refused ??= { ...grounded, passages: [] };
  }
  return refused ?? { analysis, passages: [], salient: [], reason: 'empty', withContext: false };
}

const CONDITION = /^(en |maar |of )?(als|wat als|stel dat|indien|wat nou als|and if|what if)\b/;

/** How many covering passages an answer quotes from, at most. */
const PASSAGES_TO_QUOTE = 3;

/** The question a follow-up leans on: the last one, and the one before when that last one was itself a follow-up. */
function contextOf(history: { question: string }[]): string | undefined {
  const last = history.at(-1)?.question;
  if (!last) return undefined;
  const before = history.at(-2)?.question;
  return before && analyseQuestion(last).followUp ? `${before} ${last}` : last;
}

async function modelAnswer(deps: AnswerDeps, question: string, passages: Passage[], history: { question: string; answer: string }[], stream?: AnswerPieces): Promise<Answer | undefined> {
  if (!deps.chatModel) return undefined;
  try {
    const result = await generateModelAnswer({ model: deps.chatModel, synonyms: deps.synonyms, timeoutMs: deps.config.openai.timeoutMs }, question, passages, history, stream);
    if (result.kind === 'rejected') {
      deps.logger.warn({ model: deps.chatModel.id, reason: result.reason, identifiers: result.identifiers }, 'model answer rejected; using extractive answer');
      return undefined;
    }
    if (result.kind === 'not-found') return { mode: 'not-found', text: NOT_FOUND_TEXT, citations: [] };
    return { mode: 'model', text: result.text, citations: result.cited.map((n, i) => toCitation(passages[n - 1]!, i + 1)) };
  } catch (error) {
    deps.logger.warn({ err: error, model: deps.chatModel.id }, 'model unavailable; using extractive answer');
    return undefined;
  }
}

function extractiveAnswer(question: string, grounded: Grounded, previousAnswer?: string): Answer | undefined {
  // What the previous answer said is not said again, unless nothing else answers the follow-up.
  const fresh = chooseSentences(grounded.analysis, grounded.salient, grounded.passages, previousAnswer ? [previousAnswer] : [], question);
  const choice = fresh.lead.length ? fresh : chooseSentences(grounded.analysis, grounded.salient, grounded.passages, [], question);
  const silence = silenceOn(grounded.analysis, grounded.salient, grounded.passages, choice.lead[0]);
  if (silence) return silenceAnswer(silence.text, grounded.passages[silence.passageIndex]!);
  if (choice.lead.length === 0) return undefined;
  return composeAnswer(question, grounded.analysis, choice, grounded.passages);
}

/**
 * The question without its placeholders, and without the words that only introduced the personal
 * data ("mevrouw [PERSOON-1]", "BSN [BSN-1]"): they say nothing of what is asked.
 */
function withoutPlaceholders(text: string): string {
  return text.replace(/(?:\b(?:mevrouw|meneer|mevr|mw|dhr|de heer|bsn|iban|tel|telefoon(?:nummer)?|e-?mail)\b\.?:?\s*)?\(?\[[A-Z]+-\d+\]\)?/gi, ' ');
}
