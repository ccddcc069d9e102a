/**
 * Scoring for the privacy benchmark: strict (type, start and end equal) and lenient (same type,
 * spans overlap) counts per entity type, per class of types, and per hand-written section.
 */
import { detectPersonalData, ENTITY_TYPES, isListedNameWord, type Entity, type EntityType } from '../../src/privacy/detect/index.ts';
import type { Annotation, Sample } from './sample.ts';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Groups of entity types reported together. */
export const CLASSES = {
  names: ['PERSOON'],
  'strict identifiers': ['BSN', 'IBAN', 'TELEFOON', 'EMAIL', 'POSTCODE'],
  dates: ['DATUM', 'GEBOORTEDATUM'],
  addresses: ['ADRES'],
  ages: ['LEEFTIJD'],
  'licence plates': ['KENTEKEN'],
  'new number kinds': ['DOCUMENTNUMMER', 'VNUMMER', 'DOSSIERNUMMER'],
} as const satisfies Record<string, readonly EntityType[]>;
export type ClassName = keyof typeof CLASSES;

export interface SectionResult {
  name: string;
  sentences: number;
  gold: number;
  found: number;
  spurious: number;
}

export interface SetResult {
  name: string;
  sentences: number;
  strict: Record<EntityType | 'ALL', Score>;
  lenient: Record<EntityType | 'ALL', Score>;
  classes: Record<ClassName, Score>;
  sections: SectionResult[];
  /**
   * PERSOON recall split by whether the name has a word in the bundled name lists. The second
   * figure shows what the context rules achieve on their own.
   */
  persoonByList: { listed: { found: number; total: number }; unlisted: { found: number; total: number } };
  /** Misses and false alarms (strict), for debugging. */
  errors: { text: string; missed: string[]; spurious: string[] }[];
}

function emptyCounts(): Record<EntityType | 'ALL', Counts> {
  const r = {} as Record<EntityType | 'ALL', Counts>;
  for (const t of [...ENTITY_TYPES, 'ALL' as const]) r[t] = { tp: 0, fp: 0, fn: 0 };
  return r;
}

export function toScore(c: Counts): Score {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

const key = (e: Annotation) => `${e.type}:${e.start}:${e.end}`;
const overlaps = (a: Annotation, b: Annotation) => a.type === b.type && a.start < b.end && b.start < a.end;

export function scoreSet(name: string, samples: Sample[]): SetResult {
  const strict = emptyCounts();
  const lenient = emptyCounts();
  const errors: SetResult['errors'] = [];
  const sections = new Map<string, SectionResult>();
  const persoonByList = { listed: { found: 0, total: 0 }, unlisted: { found: 0, total: 0 } };
  const count = (c: Record<EntityType | 'ALL', Counts>, type: EntityType, field: keyof Counts) => {
    c[type][field]++;
    c.ALL[field]++;
  };
  for (const s of samples) {
    const pred: Entity[] = detectPersonalData(s.text);
    const gold = s.entities;
    const goldKeys = new Set(gold.map(key));
    const predKeys = new Set(pred.map(key));
    const missed: string[] = [];
    const spurious: string[] = [];
    for (const g of gold) {
      if (g.type === 'PERSOON') {
        const ws = s.text.slice(g.start, g.end).split(/[\s.]+/).filter((w) => w.length > 1);
        const bucket = ws.some((w) => isListedNameWord(w)) ? persoonByList.listed : persoonByList.unlisted;
        bucket.total++;
        if (predKeys.has(key(g))) bucket.found++;
      }
      if (predKeys.has(key(g))) count(strict, g.type, 'tp');
      else {
        count(strict, g.type, 'fn');
        missed.push(`${g.type} ${JSON.stringify(s.text.slice(g.start, g.end))}`);
      }
      count(lenient, g.type, pred.some((p) => overlaps(p, g)) ? 'tp' : 'fn');
    }
    for (const p of pred) {
      if (!goldKeys.has(key(p))) {
        count(strict, p.type, 'fp');
        spurious.push(`${p.type} ${JSON.stringify(p.text)}`);
      }
      if (!gold.some((g) => overlaps(p, g))) count(lenient, p.type, 'fp');
    }
    if (s.section) {
      const sec = sections.get(s.section) ?? { name: s.section, sentences: 0, gold: 0, found: 0, spurious: 0 };
      sec.sentences++;
      sec.gold += gold.length;
      sec.found += gold.length - missed.length;
      sec.spurious += spurious.length;
      sections.set(s.section, sec);
    }
    if (missed.length || spurious.length) errors.push({ text: s.text, missed, spurious });
  }
  const map = (c: Record<EntityType | 'ALL', Counts>) =>
    Object.fromEntries(Object.entries(c).map(([k, v]) => [k, toScore(v)])) as Record<EntityType | 'ALL', Score>;
  const classes = {} as Record<ClassName, Score>;
  for (const [cls, types] of Object.entries(CLASSES) as [ClassName, readonly EntityType[]][]) {
    const sum: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const t of types) {
      sum.tp += strict[t].tp;
      sum.fp += strict[t].fp;
      sum.fn += strict[t].fn;
    }
    classes[cls] = toScore(sum);
  }
  return {
    name,
    sentences: samples.length,
    strict: map(strict),
    lenient: map(lenient),
    classes,
    sections: [...sections.values()],
    persoonByList,
    errors,
  };
}
