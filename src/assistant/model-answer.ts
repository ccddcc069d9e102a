import { readFileSync } from 'node:fs';
import type { Passage } from '../knowledge/search-passages.ts';
import type { ChatModel } from './chat-model.ts';

const promptsDir = new URL('../../prompts/', import.meta.url);
const systemPrompt = readFileSync(new URL('answer-system.md', promptsDir), 'utf8').trim();
const userTemplate = readFileSync(new URL('answer-user.md', promptsDir), 'utf8');

export const NOT_IN_SOURCES = 'NIET_IN_BRONNEN';

export interface ModelAnswer {
  /** Null when the model says the passages do not answer the question. */
  text: string | null;
  /** Passage numbers (1-based) the text cites. */
  cited: number[];
}

/**
 * Asks the model for an answer grounded in the numbered passages. Every text sent here is already
 * anonymised. Returns undefined when the answer cannot be trusted (no valid citations), so the caller
 * falls back to the extractive answer.
 */
export async function generateModelAnswer(
  model: ChatModel,
  question: string,
  passages: Passage[],
  history: { question: string; answer: string }[],
  timeoutMs: number,
): Promise<ModelAnswer | undefined> {
  const passageText = passages
    .map((p, i) => `[${i + 1}] ${p.title} — ${p.location}\n${p.text}`)
    .join('\n\n');
  const historyText = history.length
    ? `Eerder in dit gesprek:\n${history.map((h) => `Vraag: ${h.question}\nAntwoord: ${h.answer}`).join('\n')}\n\n`
    : '';
  const user = userTemplate
    .replace('{{passages}}', () => passageText)
    .replace('{{history}}', () => historyText)
    .replace('{{question}}', () => question);

  const raw = (
    await model.complete(
      [
        { role: 'system', content: systemPrompt },
        { role: 'user', content: user },
      ],
      { signal: AbortSignal.timeout(timeoutMs) },
    )
  ).trim();

  if (raw.includes(NOT_IN_SOURCES)) return { text: null, cited: [] };
  // Markers that point at no passage are removed; an answer left without any is not grounded.
  const text = raw.replace(/\[(\d+)\]/g, (m, n) => (Number(n) >= 1 && Number(n) <= passages.length ? m : ''));
  const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
  return cited.length ? { text, cited } : undefined;
}
