/**
 * Replace detected personal data by numbered placeholders ("[PERSOON-1]", "[BSN-1]") and put the
 * originals back in a model's answer for the person who asked.
 *
 * Numbering is consistent inside one text: the same value gets the same placeholder. For people
 * this is looser than string equality: "mevrouw Jansen", "Jansen" and "mw. A. Jansen" share one
 * number, and so does a first name on its own after a full name that starts with it.
 * The mapping must stay on the server, next to the conversation; it is personal data itself.
 */
import { detectPersonalData, fold, PLACEHOLDER_RE, visibleText, type DetectOptions, type Entity, type EntityType } from './detect/index.ts';

export interface AnonymiseResult {
  /** The text with every entity replaced by its placeholder. */
  text: string;
  /** The entities found in the original text (offsets into the original). */
  entities: Entity[];
  /** Placeholder → original text (for a person: the fullest form seen). */
  mapping: Record<string, string>;
}

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ten', 'ter', 'te', 'in', 'op', 'el', 'al', 'ben', 'bin', 'ait', 'abu', 'la', 'le', 'du', 'da', 'di', 'von']);

interface PersonName {
  full: string;
  first: string | null;
  /** Initial letter of the first name or of the initials. */
  initial: string | null;
  /** Surname with its particles, lowercase: "de boer". */
  surname: string;
  /** Surname without particles: "boer". */
  core: string;
}

function parsePerson(text: string): PersonName {
  const parts = fold(text)
    .replace(/[’]/g, "'")
    .split(/\s+/)
    .filter(Boolean)
    .filter((p) => !/^(?:jr|sr|junior|senior)\.?$/.test(p));
  const full = parts.join(' ');
  const isInitials = (p: string) => /^(?:[a-z]\.)+$/.test(p) || /^(?:th|ch|chr|ph|joh|jac|wm|corn|hub|fr|gerh)\.$/.test(p);
  let i = 0;
  let first: string | null = null;
  let initial: string | null = null;
  while (i < parts.length && isInitials(parts[i]!)) {
    initial ??= parts[i]![0]!;
    i++;
  }
  if (i === 0 && parts.length > 1 && !PARTICLES.has(parts[0]!)) {
    first = parts[0]!;
    initial = first[0]!;
    i = 1;
  }
  const rest = parts.slice(i);
  const surname = rest.join(' ');
  const core = rest.filter((p) => !PARTICLES.has(p)).join(' ');
  return { full, first, initial, surname: surname || full, core: core || surname || full };
}

interface Cluster {
  id: number;
  names: PersonName[];
  display: string;
  lastSeen: number;
}

function samePerson(c: Cluster, n: PersonName): boolean {
  for (const m of c.names) {
    if (m.full === n.full) return true;
    const nSingle = n.full.split(' ').length === 1;
    // A lone word: the surname of the cluster, or its first name.
    if (nSingle && (n.full === m.core || n.full === m.surname || n.full === m.first)) return true;
    // Surname (with or without particles) without a first name on one side.
    const sameSurname = n.surname === m.surname || n.core === m.core;
    if (sameSurname && (!n.first || !m.first)) {
      if (!n.initial || !m.initial || n.initial === m.initial) return true;
    }
    if (sameSurname && n.first && m.first && n.first === m.first) return true;
    // "Fatima" when the cluster is "Fatima El Amrani".
    if (m.first && n.full === m.first) return true;
    // Known full name against a lone word that equals its first part.
    if (!m.first && m.full.split(' ').length === 1 && n.first === m.full) return true;
  }
  return false;
}

function normaliseValue(type: EntityType, text: string): string {
  switch (type) {
    case 'BSN':
    case 'LEEFTIJD':
      return text.replace(/\D/g, '').replace(/^0+(?=\d{9}$)/, '') || text.toLowerCase();
    case 'TELEFOON': {
      let d = text.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
      d = d.replace(/^(?:\+|00)31/, '0');
      return d;
    }
    case 'IBAN':
    case 'POSTCODE':
    case 'KENTEKEN':
      return text.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    case 'EMAIL':
      return text.toLowerCase();
    default:
      return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }
}

/**
 * Anonymise `text`. Placeholders already present are kept and never renumbered; new numbers
 * continue after the highest number already in the text, so running this twice changes nothing.
 */
export function anonymise(text: string, options: DetectOptions = {}): AnonymiseResult {
  if (typeof text !== 'string' || text.length === 0) return { text: typeof text === 'string' ? text : '', entities: [], mapping: {} };
  const entities = detectPersonalData(text, options);

  const counters = new Map<EntityType, number>();
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const [, type, num] = /^\[([A-Z]+)-(\d+)\]$/.exec(m[0])!;
    const t = type as EntityType;
    counters.set(t, Math.max(counters.get(t) ?? 0, Number(num)));
  }
  const next = (type: EntityType): number => {
    const n = (counters.get(type) ?? 0) + 1;
    counters.set(type, n);
    return n;
  };

  const byValue = new Map<string, string>(); // type + normalised value → placeholder
  // Clusters of person mentions, indexed by the name parts that samePerson() compares.
  const index = new Map<string, Cluster[]>();
  const register = (c: Cluster, n: PersonName) => {
    const keys = [`full:${n.full}`, `sur:${n.surname}`, `core:${n.core}`];
    if (n.first) keys.push(`first:${n.first}`);
    for (const k of keys) {
      const list = index.get(k);
      if (!list) index.set(k, [c]);
      else if (!list.includes(c)) list.push(c);
    }
  };
  const candidatesFor = (n: PersonName): Cluster[] => {
    const keys = [`full:${n.full}`, `core:${n.full}`, `sur:${n.full}`, `first:${n.full}`, `sur:${n.surname}`, `core:${n.core}`];
    if (n.first) keys.push(`full:${n.first}`);
    const out = new Set<Cluster>();
    for (const k of keys) for (const c of index.get(k) ?? []) out.add(c);
    return [...out];
  };
  const mapping: Record<string, string> = {};
  const labels: string[] = [];

  entities.forEach((e, idx) => {
    let label: string;
    // Compare what a reader sees: "06\u00ad-1234 5678" and "06-1234 5678" are one number.
    const seen = visibleText(e.text);
    if (e.type === 'PERSOON') {
      const name = parsePerson(seen);
      const matches = candidatesFor(name).filter((c) => samePerson(c, name));
      // Several people can share a surname: the most recently mentioned one wins.
      const c = matches.sort((a, b) => b.lastSeen - a.lastSeen)[0];
      if (c) {
        c.names.push(name);
        register(c, name);
        c.lastSeen = idx;
        if (e.text.length > c.display.length) c.display = e.text;
        label = `[PERSOON-${c.id}]`;
        mapping[label] = c.display;
      } else {
        const id = next('PERSOON');
        const c: Cluster = { id, names: [name], display: e.text, lastSeen: idx };
        register(c, name);
        label = `[PERSOON-${id}]`;
        mapping[label] = e.text;
      }
    } else {
      const key = `${e.type}:${normaliseValue(e.type, seen)}`;
      const existing = byValue.get(key);
      if (existing) label = existing;
      else {
        label = `[${e.type}-${next(e.type)}]`;
        byValue.set(key, label);
        mapping[label] = e.text;
      }
    }
    labels.push(label);
  });

  let out = '';
  let pos = 0;
  entities.forEach((e, i) => {
    out += text.slice(pos, e.start) + labels[i];
    pos = e.end;
  });
  out += text.slice(pos);
  return { text: out, entities, mapping };
}

/** Put the original values back into `text` (for example a model's answer). Unknown placeholders stay. */
export function repersonalise(text: string, mapping: Record<string, string>): string {
  if (typeof text !== 'string' || !text) return typeof text === 'string' ? text : '';
  return text.replace(PLACEHOLDER_RE, (ph) => (Object.prototype.hasOwnProperty.call(mapping, ph) ? mapping[ph]! : ph));
}
