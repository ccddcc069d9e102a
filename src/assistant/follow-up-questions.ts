import { contentWords, stem } from '../knowledge/dutch.ts';
import type { Db } from '../lib/db.ts';

const MAX_FOLLOW_UPS = 3;
/** A question that shares this share of its words with the one asked asks it again. */
const SAME_QUESTION = 0.6;
const ENGLISH = /^(what|how|when|who|where|why|which|can|do|does|is|are|should|may)\b/i;

/**
 * Up to three questions to ask next: for each cited passage, the first question the author wrote
 * (front matter `vragen`) for the sections after it in its document, then those before it. They
 * lead on through sources the reader of the answer may already read, and the knowledge answers them.
 */
export async function followUpQuestions(db: Db, citedPassageIds: string[], asked: string): Promise<string[]> {
  if (!citedPassageIds.length) return [];
  const rows = await db.sql.query<{ id: string; document_id: string; heading: string | null; title: string; vragen: Record<string, string[]> | null }>(
    `SELECT c.id, c.document_id, c.heading, d.title, d.meta->'vragen' AS vragen
       FROM chunk c JOIN document d ON d.id = c.document_id
      WHERE c.document_id IN (SELECT document_id FROM chunk WHERE id = ANY($1::text[]))
      ORDER BY c.document_id, c.ord`,
    [citedPassageIds],
  );
  const askedWords = new Set(contentWords(asked).map(stem));
  const chosen: string[] = [];
  const seenSections = new Set(rows.filter((r) => citedPassageIds.includes(r.id)).map(sectionOf));
  for (const cited of citedPassageIds) {
    const own = rows.find((r) => r.id === cited);
    if (!own) continue;
    const documentRows = rows.filter((r) => r.document_id === own.document_id);
    const at = documentRows.indexOf(own);
    for (const row of [...documentRows.slice(at + 1), ...documentRows.slice(0, at).reverse()]) {
      if (chosen.length === MAX_FOLLOW_UPS) return chosen;
      const section = sectionOf(row);
      if (seenSections.has(section)) continue;
      seenSections.add(section);
      const question = questionsOf(row).find((q) => !ENGLISH.test(q.trim()));
      if (question && !asksTheSame(question, askedWords) && !chosen.includes(question)) chosen.push(question.trim());
    }
  }
  return chosen;
}

/** The heading the author's questions are keyed by: the innermost one, or the title above the first heading. */
function innermost(row: { heading: string | null; title: string }): string {
  return row.heading?.split(' › ').at(-1) ?? row.title;
}

/** The author's questions for the row's section; the keys are headings as written, so compared loosely. */
function questionsOf(row: { heading: string | null; title: string; vragen: Record<string, string[]> | null }): string[] {
  const key = loose(innermost(row));
  const found = Object.entries(row.vragen ?? {}).find(([heading]) => loose(heading) === key);
  return Array.isArray(found?.[1]) ? found[1].filter((q): q is string => typeof q === 'string') : [];
}

const loose = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function sectionOf(row: { document_id: string; heading: string | null; title: string }): string {
  return `${row.document_id}\n${innermost(row)}`;
}

function asksTheSame(question: string, askedWords: Set<string>): boolean {
  const words = contentWords(question).map(stem);
  return words.length > 0 && words.filter((w) => askedWords.has(w)).length / words.length >= SAME_QUESTION;
}
