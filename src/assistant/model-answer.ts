import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Passage } from '../knowledge/search-passages.ts';
import { splitSentences } from '../knowledge/sentences.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import type { EntityType } from '../privacy/index.ts';
import type { ChatModel } from './chat-model.ts';
import { support } from './grounding.ts';
import { anonymiseModelAnswer, introducedIdentifiers, passagesForModel, type ModelPassage } from './model-guard.ts';

const promptsDir = new URL('../../prompts/', import.meta.url);
const systemPrompt = readFileSync(new URL('answer-system.md', promptsDir), 'utf8').trim();
const userTemplate = readFileSync(new URL('answer-user.md', promptsDir), 'utf8');

export const NOT_IN_SOURCES = 'NIET_IN_BRONNEN';
/** The refusal word, also as a model may bend it ("NIET IN DE BRONNEN", lower case). */
const REFUSAL = /NIET[_\s]IN[_\s](DE[_\s])?BRONNEN/i;

/** A cited sentence must share at least half of its words (or synonyms) with the fragment it cites. */
const SENTENCE_SUPPORT = 0.5;
/** The answer itself, then supporting points: the same shape as the answer without a model. */
const MAX_LEAD_SENTENCES = 2;
const MAX_POINTS = 2;
const BARE_YES_NO = /^(ja|nee|yes|no)[.!,]?$/i;

export type ModelAnswer =
  /** Text anonymised; `cited` are passage numbers (1-based) in order of first mention. */
  | { kind: 'answer'; text: string; cited: number[] }
  /** The model says the passages do not answer the question. */
  | { kind: 'not-found' }
  /** Not to be trusted: no sentence grounded in a cited passage, or identifiers found in no source. */
  | { kind: 'rejected'; reason: 'ungrounded' | 'identifiers'; identifiers?: Partial<Record<EntityType, number>> };

export interface ModelAnswerDeps {
  model: ChatModel;
  synonyms: Synonyms;
  timeoutMs: number;
}

/**
 * Asks the model for an answer grounded in the numbered passages. The question and the conversation
 * arrive anonymised; the passages are anonymised here and fenced as quoted data behind a code the
 * documents cannot know. What comes back is checked before anyone sees it: citations must point at a
 * passage that says what the sentence says, no identifier may appear that no source holds, and the
 * text is anonymised.
 */
export async function generateModelAnswer(
  deps: ModelAnswerDeps,
  question: string,
  passages: Passage[],
  history: { question: string; answer: string }[],
): Promise<ModelAnswer> {
  const conversation = history.flatMap((h) => [h.question, h.answer]);
  const sent = passagesForModel(passages, [question, ...conversation]);
  const raw = (
    await deps.model.complete(
      [
        { role: 'system', content: systemPrompt },
        { role: 'user', content: userMessage(question, sent, history) },
      ],
      { signal: AbortSignal.timeout(deps.timeoutMs) },
    )
  ).trim();

  if (REFUSAL.test(raw)) return { kind: 'not-found' };
  const sources = [question, ...conversation, ...passages.map((p) => `${p.title}\n${p.text}`), ...sent.map((p) => p.block)];
  const identifiers = introducedIdentifiers(raw, sources);
  if (Object.keys(identifiers).length > 0) return { kind: 'rejected', reason: 'identifiers', identifiers };

  const text = groundedText(raw, sent, passages, deps.synonyms);
  if (!text) return { kind: 'rejected', reason: 'ungrounded' };
  const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
  return { kind: 'answer', text: anonymiseModelAnswer(text, sources), cited };
}

function userMessage(question: string, sent: ModelPassage[], history: { question: string; answer: string }[]): string {
  const fence = randomBytes(6).toString('hex');
  const historyText = history.length
    ? `Eerder in dit gesprek:\n<gesprek-${fence}>\n${history.map((h) => `Vraag: ${h.question}\nAntwoord: ${h.answer}`).join('\n')}\n</gesprek-${fence}>\n\n`
    : '';
  return userTemplate
    .replaceAll('{{fence}}', fence)
    .replace('{{passages}}', () => sent.map((p, i) => `[${i + 1}] ${p.block}`).join('\n\n'))
    .replace('{{history}}', () => historyText)
    .replace('{{question}}', () => question);
}

/**
 * The model's answer in the answer-first shape, keeping only what the passages carry: a citation
 * stays when its passage (as the model saw it) holds half the sentence's words or more and every number
 * in it; a sentence left without a citation goes. Undefined when the lead does not survive.
 */
function groundedText(raw: string, sent: ModelPassage[], passages: Passage[], synonyms: Synonyms): string | undefined {
  const asSeen = passages.map((p, i) => ({ ...p, title: '', heading: null, text: sent[i]!.block }));
  const bearsOut = (plain: string, i: number) => {
    const passage = asSeen[i];
    if (!passage) return false;
    // Words as the model saw them; numbers also as the document has them (the model saw a placeholder).
    const numbers = new Set([...numbersIn(passage.text), ...numbersIn(passages[i]!.text)]);
    return support(plain.replace(NUMBER, ' '), passage, synonyms) >= SENTENCE_SUPPORT && numbersIn(plain).every((x) => numbers.has(x));
  };
  const ground = (sentence: string): string | undefined => {
    const plain = sentence.replace(/\[(\d+)\]|\[[A-Z]+-\d+\]/g, ' ');
    let kept = 0;
    const text = sentence.replace(/\s*\[(\d+)\]/g, (marker, n: string) => {
      const holds = bearsOut(plain, Number(n) - 1);
      if (holds) kept++;
      return holds ? marker : '';
    });
    return kept > 0 ? text.trim() : undefined;
  };

  const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
  const isPoint = (line: string) => /^([-•*]|\d+[.)])\s+/.test(line);
  const lead: string[] = [];
  let claims = 0;
  for (const sentence of splitSentences(lines.filter((l) => !isPoint(l)).join(' '))) {
    if (claims === MAX_LEAD_SENTENCES) break;
    // "Ja." or "Nee." before the cited sentence that says why carries no claim of its own.
    if (lead.length === 0 && BARE_YES_NO.test(sentence)) lead.push(sentence);
    const grounded = BARE_YES_NO.test(sentence) ? undefined : ground(sentence);
    if (grounded) {
      lead.push(grounded);
      claims++;
    }
  }
  if (claims === 0) return undefined;
  const points = lines
    .filter(isPoint)
    .map((line) => splitSentences(line.replace(/^([-•*]|\d+[.)])\s+/, '')).map(ground).filter(Boolean).join(' '))
    .filter(Boolean)
    .slice(0, MAX_POINTS);
  return [lead.join(' '), ...points.map((p) => `• ${p}`)].join('\n');
}

const NUMBER_WORDS = 'twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|honderd';
const NUMBER = new RegExp(`\\d+|\\b(?:${NUMBER_WORDS})\\b`, 'gi');

function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((n) => n.toLowerCase());
}
