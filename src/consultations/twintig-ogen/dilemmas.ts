/**
 * The twenty dilemmas of the wijkcoach as the knowledge base numbers them: the numbered list in
 * knowledge/dilemmas/overzicht.md ("3. Eigen kracht of kracht van buiten? (…)"), read once per
 * knowledge folder. A team that edits that page edits the pick list too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const OTHER_DILEMMA = 'anders';

const cache = new Map<string, string[]>();

/** The dilemma titles by number (index 0 is dilemma 1); empty when the overview page is missing. */
function loadDilemmas(knowledgeDir: string): string[] {
  let titles = cache.get(knowledgeDir);
  if (!titles) {
    let text = '';
    try {
      text = readFileSync(path.join(knowledgeDir, 'dilemmas', 'overzicht.md'), 'utf8');
    } catch {
      text = '';
    }
    titles = [];
    for (const m of text.matchAll(/^(\d+)\. ([^\n?]+\?)/gm)) titles[Number(m[1]) - 1] = m[2]!.trim();
    cache.set(knowledgeDir, titles);
  }
  return titles;
}

export function dilemmaOptions(knowledgeDir: string): { value: string; label: string }[] {
  return [
    ...loadDilemmas(knowledgeDir).flatMap((title, i) => (title ? [{ value: String(i + 1), label: `${i + 1}. ${title}` }] : [])),
    { value: OTHER_DILEMMA, label: 'Anders (vul hieronder in)' },
  ];
}

/** "3" → "3. Eigen kracht of kracht van buiten?"; a free text stays as it is. */
export function dilemmaLabel(knowledgeDir: string, choice: string, other?: string): string {
  const title = /^\d+$/.test(choice) ? loadDilemmas(knowledgeDir)[Number(choice) - 1] : undefined;
  return title ? `${choice}. ${title}` : (other ?? '').trim();
}
