/**
 * The onboarding programme: Markdown modules in knowledge/onboarding/ (or a team's own folder
 * knowledge/onboarding/<teamId>/, which then replaces the default). The format is described in
 * knowledge/onboarding/README.md; this file parses and validates it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { WijkwijsError } from '../lib/errors.ts';

/** A part's text must fit a chat message; a little slack over the ~600 the README asks for. */
export const MAX_PART_CHARS = 700;

const readMoreSchema = z.object({ path: z.string().min(1), heading: z.string().min(1) });

const partSchema = z.object({
  title: z.string().min(1, 'een deel heeft een titel nodig (## Deel: titel)'),
  text: z.string().min(1, 'een deel heeft tekst nodig').max(MAX_PART_CHARS, `een deel mag hooguit ${MAX_PART_CHARS} tekens zijn`),
  readMore: z.array(readMoreSchema),
});

const questionSchema = z
  .object({
    question: z.string().min(1, 'een vraag heeft tekst nodig'),
    options: z.array(z.string().min(1)).min(2, 'een vraag heeft minstens twee antwoorden nodig').max(5, 'een vraag heeft hooguit vijf antwoorden'),
    correct: z.array(z.number().int()),
    explanation: z.string().min(1, 'elke vraag heeft een uitleg nodig (> Uitleg: …)'),
  })
  .refine((q) => q.correct.length === 1, { message: 'elke vraag heeft precies één juist antwoord nodig (- [x] …)' });

const moduleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id: alleen kleine letters, cijfers en streepjes'),
  title: z.string().min(1),
  day: z.number().int().min(0).max(200),
  order: z.number().int(),
  sources: z.array(z.string().min(1)).min(1, 'sources: noem minstens één bron'),
  parts: z.array(partSchema).min(1, 'een module heeft minstens één deel nodig (## Deel: …)').max(6),
  reflection: z.string().min(1, 'een module heeft een reflectievraag nodig (## Reflectie)'),
  quiz: z.array(questionSchema).min(1, 'een module heeft minstens één quizvraag nodig (### Vraag: …)').max(5),
  task: z.string().optional(),
});

export interface QuizQuestion {
  question: string;
  options: string[];
  /** Index of the right option. */
  correct: number;
  explanation: string;
}

export interface ProgrammeModule {
  id: string;
  title: string;
  /** Working days after the start date on which the module becomes due (0 = the first day). */
  day: number;
  order: number;
  sources: string[];
  parts: { title: string; text: string; readMore: { path: string; heading: string }[] }[];
  reflection: string;
  quiz: QuizQuestion[];
  task?: string;
  file: string;
}

export interface Programme {
  modules: ProgrammeModule[];
  /** Changes whenever a module file changes; stored with an enrollment. */
  hash: string;
  /** The folder the programme came from (the default or a team's own). */
  dir: string;
}

type Section = 'none' | 'part' | 'reflection' | 'quiz' | 'task' | 'other';

/** Parses one module file; throws a WijkwijsError naming the file and what is wrong. */
export function parseModule(text: string, file: string): ProgrammeModule {
  const name = path.basename(file);
  const fail = (problem: string): never => {
    throw new WijkwijsError('bad_request', `Onboardingmodule ${name}: ${problem}`);
  };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options bypass gray-matter's cache, which would remember a failed parse as a success.
    parsed = matter(text.replace(/\r\n?/g, '\n'), {});
  } catch {
    return fail('de kop (YAML tussen twee regels ---) is geen geldige YAML.');
  }
  const fm = parsed.data as Record<string, unknown>;

  const parts: { title: string; lines: string[]; readMore: { path: string; heading: string }[] }[] = [];
  const reflection: string[] = [];
  const task: string[] = [];
  const quiz: { question: string; options: string[]; correct: number[]; explanation: string[] }[] = [];
  let section: Section = 'none';
  let inExplanation = false;

  for (const [i, raw] of parsed.content.split(/\r?\n/).entries()) {
    const line = raw.trimEnd();
    const h2 = /^##\s+(.*)$/.exec(line);
    if (h2 && !line.startsWith('###')) {
      const heading = h2[1]!.trim();
      const part = /^Deel\s*:\s*(.*)$/i.exec(heading);
      inExplanation = false;
      if (part) {
        section = 'part';
        parts.push({ title: part[1]!.trim(), lines: [], readMore: [] });
      } else if (/^Reflectie\b/i.test(heading)) section = 'reflection';
      else if (/^Quiz\b/i.test(heading)) section = 'quiz';
      else if (/^Opdracht\b/i.test(heading)) section = 'task';
      else fail(`onbekend kopje "## ${heading}" (regel ${i + 1}); gebruik Deel: …, Reflectie, Quiz of Opdracht.`);
      continue;
    }
    if (section === 'part') {
      const more = /^Lees meer\s*:\s*(.+?)\s*›\s*(.+)$/i.exec(line.trim());
      if (more) parts.at(-1)!.readMore.push({ path: more[1]!.trim(), heading: more[2]!.trim() });
      else if (/^Lees meer\s*:/i.test(line.trim())) fail(`"Lees meer" op regel ${i + 1} moet de vorm "Lees meer: map/bestand.md › Kopje" hebben.`);
      else parts.at(-1)!.lines.push(line);
    } else if (section === 'reflection') reflection.push(line);
    else if (section === 'task') task.push(line);
    else if (section === 'quiz') {
      const q = /^###\s+Vraag\s*:?\s*(.*)$/i.exec(line);
      const option = /^[-*]\s+\[( |x|X)\]\s+(.+)$/.exec(line.trim());
      const explanation = /^>\s?(.*)$/.exec(line.trim());
      if (q) {
        quiz.push({ question: q[1]!.trim(), options: [], correct: [], explanation: [] });
        inExplanation = false;
      } else if (!quiz.length && line.trim()) fail(`onder ## Quiz moet eerst een "### Vraag: …" staan (regel ${i + 1}).`);
      else if (option) {
        const current = quiz.at(-1)!;
        if (option[1]!.toLowerCase() === 'x') current.correct.push(current.options.length);
        current.options.push(option[2]!.trim());
      } else if (explanation) {
        inExplanation = true;
        quiz.at(-1)!.explanation.push(explanation[1]!.replace(/^Uitleg\s*:\s*/i, ''));
      } else if (line.trim() && !inExplanation) fail(`regel ${i + 1} in de quiz is geen antwoord (- [x] / - [ ]) of uitleg (> Uitleg: …).`);
    }
  }

  const result = moduleSchema.safeParse({
    id: fm.id,
    title: fm.title,
    day: fm.day,
    order: fm.order,
    sources: fm.sources,
    parts: parts.map((p) => ({ title: p.title, text: tidy(p.lines), readMore: p.readMore })),
    reflection: tidy(reflection),
    quiz: quiz.map((q) => ({ question: q.question, options: q.options, correct: q.correct, explanation: q.explanation.join(' ').trim() })),
    task: tidy(task) || undefined,
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');
    return fail(problems);
  }
  const m = result.data;
  return { ...m, quiz: m.quiz.map((q) => ({ question: q.question, options: q.options, correct: q.correct[0]!, explanation: q.explanation })), file };
}

function tidy(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The folder a team's programme comes from: its own folder when that holds modules, else the default. */
export function programmeDir(knowledgeDir: string, teamId?: string): string {
  const base = path.join(knowledgeDir, 'onboarding');
  // Team ids come from the database, but they still never get to climb out of the folder.
  if (teamId && /^[A-Za-z0-9_-]+$/.test(teamId)) {
    const own = path.join(base, teamId);
    if (existsSync(own) && statSync(own).isDirectory() && moduleFiles(own).length > 0) return own;
  }
  return base;
}

function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Reads and validates every module of a programme folder, ordered by `order`. */
export function readProgramme(dir: string): Programme {
  if (!existsSync(dir)) throw new WijkwijsError('not_found', 'Er is geen inwerkprogramma gevonden (map knowledge/onboarding/ ontbreekt).');
  const files = moduleFiles(dir);
  if (files.length === 0) throw new WijkwijsError('not_found', 'Het inwerkprogramma is leeg: zet modules (.md) in knowledge/onboarding/.');
  const hash = createHash('sha256');
  const modules = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    hash.update(path.basename(file)).update('\0').update(text).update('\0');
    return parseModule(text, file);
  });
  const seen = new Set<string>();
  for (const m of modules) {
    if (seen.has(m.id)) throw new WijkwijsError('bad_request', `Onboardingmodule ${path.basename(m.file)}: de id "${m.id}" komt twee keer voor.`);
    seen.add(m.id);
  }
  modules.sort((a, b) => a.order - b.order || a.day - b.day || a.id.localeCompare(b.id));
  return { modules, hash: hash.digest('hex').slice(0, 16), dir };
}

const cache = new Map<string, { stamp: string; programme: Programme }>();

/**
 * The programme of a team. Re-read when a file changes (a team editing its Markdown sees the edit
 * at the next message, no restart needed), otherwise served from memory.
 */
export function loadProgramme(knowledgeDir: string, teamId?: string): Programme {
  const dir = programmeDir(knowledgeDir, teamId);
  const stamp = existsSync(dir) ? moduleFiles(dir).map((f) => `${f}:${statSync(f).mtimeMs}:${statSync(f).size}`).join('|') : '';
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.programme;
  const programme = readProgramme(dir);
  cache.set(dir, { stamp, programme });
  return programme;
}

/** The steps of a module in order: its parts, the reflection, then one step per quiz question. */
export type Step = { kind: 'part'; index: number } | { kind: 'reflection' } | { kind: 'quiz'; index: number };

export function stepCount(m: ProgrammeModule): number {
  return m.parts.length + 1 + m.quiz.length;
}

export function stepAt(m: ProgrammeModule, step: number): Step {
  if (step < m.parts.length) return { kind: 'part', index: step };
  if (step === m.parts.length) return { kind: 'reflection' };
  return { kind: 'quiz', index: Math.min(step - m.parts.length - 1, m.quiz.length - 1) };
}
