import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

export interface Werkvorm {
  slug: string;
  title: string;
  /** Repository-relative path, named when the preparation is quoted. */
  source: string;
  /** The text of the file's "Voorbereiding …" section, without its source line. */
  preparation: string | null;
}

/** Werkvormen that fit an intervisie slot; the vier-ogen check and the twintig-ogen meeting are other formats. */
const INTERVISIE_SECTIONS = new Set(['Intervisie', 'Ethisch overleg']);

const cache = new Map<string, Werkvorm[]>();

export function loadWerkvormen(knowledgeDir: string): Werkvorm[] {
  const cached = cache.get(knowledgeDir);
  if (cached) return cached;
  const dir = path.join(knowledgeDir, 'werkvormen');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch {
    files = [];
  }
  const werkvormen = files.flatMap((file) => {
    // Passing options bypasses gray-matter's own cache.
    const parsed = matter(readFileSync(path.join(dir, file), 'utf8'), {});
    const data = parsed.data as { title?: string; section?: string };
    if (!data.title || !INTERVISIE_SECTIONS.has(data.section ?? '')) return [];
    return [{ slug: file.replace(/\.md$/, ''), title: data.title, source: `knowledge/werkvormen/${file}`, preparation: preparationOf(parsed.content) }];
  });
  cache.set(knowledgeDir, werkvormen);
  return werkvormen;
}

export function findWerkvorm(knowledgeDir: string, slug: string): Werkvorm | undefined {
  return loadWerkvormen(knowledgeDir).find((w) => w.slug === slug);
}

function preparationOf(markdown: string): string | null {
  const sections = markdown.split(/^## /m).slice(1);
  const section = sections.find((s) => /^Voorbereiding/i.test(s));
  if (!section) return null;
  return section
    .split('\n')
    .slice(1)
    .filter((line) => !/^Bron:/.test(line.trim()))
    .join('\n')
    .trim();
}

/** What a participant gets on confirmation: the method's preparation, quoted with its source named. */
export function preparationText(werkvorm: Werkvorm | undefined): string {
  if (!werkvorm?.preparation) return 'Bereid een recente casus voor die je wilt inbrengen, zonder namen of herleidbare gegevens van inwoners.';
  return `Voorbereiding (uit "${werkvorm.title}", ${werkvorm.source}):\n${werkvorm.preparation}`;
}
