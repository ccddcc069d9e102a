/**
 * Entity types, the public shapes, and the candidate bookkeeping shared by every detector step.
 */

export type EntityType =
  | 'BSN'
  | 'IBAN'
  | 'TELEFOON'
  | 'EMAIL'
  | 'POSTCODE'
  | 'ADRES'
  | 'DATUM'
  | 'GEBOORTEDATUM'
  | 'KENTEKEN'
  | 'LEEFTIJD'
  | 'PERSOON'
  | 'DOCUMENTNUMMER'
  | 'VNUMMER'
  | 'DOSSIERNUMMER';

export interface Entity {
  type: EntityType;
  /** Offset of the first UTF-16 code unit. */
  start: number;
  /** Offset just past the last UTF-16 code unit. */
  end: number;
  text: string;
}

export interface DetectOptions {
  /** Names the team registered for this case; always tagged, case-insensitive, also inside a longer name. */
  knownNames?: string[];
}

export const ENTITY_TYPES: readonly EntityType[] = [
  'BSN',
  'IBAN',
  'TELEFOON',
  'EMAIL',
  'POSTCODE',
  'ADRES',
  'DATUM',
  'GEBOORTEDATUM',
  'KENTEKEN',
  'LEEFTIJD',
  'PERSOON',
  'DOCUMENTNUMMER',
  'VNUMMER',
  'DOSSIERNUMMER',
];

/** Placeholders written by anonymise(); they are left alone so anonymising twice changes nothing. */
export const PLACEHOLDER_RE = new RegExp(`\\[(?:${ENTITY_TYPES.join('|')})-\\d+\\]`, 'g');

export interface Cand extends Entity {
  prio: number;
}

export const PRIORITY: Record<EntityType, number> = {
  EMAIL: 100,
  IBAN: 95,
  // A number with an explicit label ("V-nummer", "cliëntnummer") is what its label says.
  DOCUMENTNUMMER: 92,
  VNUMMER: 92,
  DOSSIERNUMMER: 92,
  BSN: 90,
  TELEFOON: 90,
  KENTEKEN: 80,
  POSTCODE: 78,
  GEBOORTEDATUM: 72,
  DATUM: 70,
  ADRES: 60,
  PERSOON: 50,
  LEEFTIJD: 40,
};

export function cand(type: EntityType, text: string, start: number, end: number, prio = PRIORITY[type]): Cand {
  return { type, start, end, text: text.slice(start, end), prio };
}

/** Up to `n` characters before `pos`, lowercased, for context checks. */
export function before(text: string, pos: number, n: number): string {
  return text.slice(Math.max(0, pos - n), pos).toLowerCase();
}
export function after(text: string, pos: number, n: number): string {
  return text.slice(pos, pos + n).toLowerCase();
}
