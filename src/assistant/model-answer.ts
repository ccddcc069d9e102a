import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Passage } from '../knowledge/search-passages.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import type { ChatMessage, ChatModel } from './chat-model.ts';
import { ModelAnswerCheck, type ModelAnswer } from './model-answer-check.ts';
import { passagesForModel, type ModelPassage } from './model-guard.ts';

const promptsDir = new URL('../../prompts/', import.meta.url);
const systemPrompt = readFileSync(new URL('answer-system.md', promptsDir), 'utf8').trim();
const userTemplate = readFileSync(new URL('answer-user.md', promptsDir), 'utf8');

export const NOT_IN_SOURCES = 'NIET_IN_BRONNEN';

export type { ModelAnswer };

export interface ModelAnswerDeps {
  model: ChatModel;
  synonyms: Synonyms;
  timeoutMs: number;
}

/** Receives the checked answer text piece by piece while the model writes; the pieces add up to the answer. */
export type AnswerPieces = (piece: string) => Promise<void> | void;

/**
 * Asks the model for an answer grounded in the numbered passages. The question and the conversation
 * arrive anonymised; the passages are anonymised here and fenced as quoted data behind a code the
 * documents cannot know. What comes back is checked before anyone sees it (see ModelAnswerCheck):
 * citations must point at a passage that says what the sentence says, no identifier may appear that
 * no source holds, and the text is anonymised. With `onPiece` the answer is streamed and every
 * sentence that passed goes out as soon as it is written.
 */
export async function generateModelAnswer(
  deps: ModelAnswerDeps,
  question: string,
  passages: Passage[],
  history: { question: string; answer: string }[],
  onPiece?: AnswerPieces,
): Promise<ModelAnswer> {
  const conversation = history.flatMap((h) => [h.question, h.answer]);
  const sent = passagesForModel(passages, [question, ...conversation]);
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt },
    { role: 'user', content: userMessage(question, sent, history) },
  ];
  const sources = [question, ...conversation, ...passages.map((p) => `${p.title}\n${p.text}`), ...sent.map((p) => p.block)];
  const check = new ModelAnswerCheck(sources, sent, passages, deps.synonyms);
  const signal = AbortSignal.timeout(deps.timeoutMs);
  if (onPiece) {
    for await (const chunk of deps.model.stream(messages, { signal })) {
      for (const piece of check.add(chunk)) await onPiece(piece);
    }
  } else {
    check.add((await deps.model.complete(messages, { signal })).trim());
  }
  for (const piece of check.finish()) await onPiece?.(piece);
  return check.verdict();
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
