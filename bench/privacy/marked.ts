/**
 * Hand-written benchmark sentences: one sentence per line, entities marked inline as
 * [[TYPE|text]], '#' starts a comment line. Invisible characters are written as {ZWSP}, {SHY}, ...
 * so the source stays readable; they are expanded before the offsets are computed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_TYPES, isValidBsn, isValidIban, type EntityType } from '../../src/privacy/detect/index.ts';
import type { Annotation, Sample } from './sample.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Characters that take no room: hidden inside an identifier they break every pattern. */
export const ZERO_WIDTH: Record<string, string> = {
  ZWSP: '\u200b',
  ZWNJ: '\u200c',
  ZWJ: '\u200d',
  WJ: '\u2060',
  BOM: '\ufeff',
  SHY: '\u00ad',
};
/** Unicode spaces other than the plain space. */
export const SPACES: Record<string, string> = { NBSP: '\u00a0', NNBSP: '\u202f', THSP: '\u2009', IDSP: '\u3000' };
/** The characters the escapes stand for. */
const INVISIBLE_ESCAPES: Record<string, string> = { ...ZERO_WIDTH, ...SPACES };

const TYPES = new Set<EntityType>(ENTITY_TYPES);

function expandEscapes(line: string): string {
  return line.replace(/\{([A-Z]+)\}/g, (all, name: string) => {
    const ch = INVISIBLE_ESCAPES[name];
    if (ch === undefined) throw new Error(`unknown escape ${all} in: ${line}`);
    return ch;
  });
}

export function parseMarked(source: string): Sample {
  const line = expandEscapes(source);
  const entities: Annotation[] = [];
  let text = '';
  const re = /\[\[([A-Z]+)\|([^\]]+)\]\]/g;
  let last = 0;
  for (const m of line.matchAll(re)) {
    text += line.slice(last, m.index);
    const type = m[1] as EntityType;
    if (!TYPES.has(type)) throw new Error(`unknown type ${type} in: ${line}`);
    entities.push({ type, start: text.length, end: text.length + m[2]!.length });
    text += m[2];
    last = m.index + m[0].length;
  }
  text += line.slice(last);
  return { text: text.replace(/\\n/g, '\n'), entities: fixNewlines(line, entities) };
}

/** "\n" in the source becomes one character; shift offsets accordingly. */
function fixNewlines(line: string, entities: Annotation[]): Annotation[] {
  if (!line.includes('\\n')) return entities;
  const plain = line.replace(/\[\[[A-Z]+\|([^\]]+)\]\]/g, '$1');
  const shiftAt = (pos: number) => {
    let shift = 0;
    let idx = plain.indexOf('\\n');
    while (idx >= 0 && idx < pos) {
      shift++;
      idx = plain.indexOf('\\n', idx + 2);
    }
    return shift;
  };
  return entities.map((e) => ({ ...e, start: e.start - shiftAt(e.start), end: e.end - shiftAt(e.end) }));
}

/** What a checksum sees: compatibility forms folded, invisible characters dropped. */
function visible(s: string): string {
  return s.normalize('NFKC').replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

export function loadMarked(files: string[]): Sample[] {
  const src = files.map((f) => readFileSync(join(here, f), 'utf8')).join('\n');
  const out: Sample[] = [];
  let section: string | undefined;
  for (const raw of src.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^#\s*---\s*(.*?)\s*-*$/.exec(line);
    if (heading) section = heading[1];
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const s: Sample = section ? { ...parseMarked(line), section } : parseMarked(line);
    // Sanity checks on the hand-written identifiers.
    for (const e of s.entities) {
      const t = visible(s.text.slice(e.start, e.end));
      if (e.type === 'BSN' && !isValidBsn(t)) throw new Error(`BSN fails elfproef: ${t}`);
      if (e.type === 'IBAN' && !isValidIban(t)) throw new Error(`IBAN invalid: ${t}`);
    }
    out.push(s);
  }
  return out;
}
