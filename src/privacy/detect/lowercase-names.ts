/**
 * Names without the capital that marks them elsewhere: "jan de vries", "fatima el amrani",
 * "sanne Bakker" in quick chat, and a first name with a possessive -s glued on ("Jans moeder",
 * "Fatimas zoon").
 *
 * A lowercase word counts only when it is in the first-name list. First names that are ordinary
 * Dutch words as well ("roos", "bas", "mark", after the OpenTaal dictionary) need a surname next to
 * them, or a role word in front ("dochter roos").
 */
import { AGE_NOUN_SET, DE_CORE_SET, FUNCTION_SET, LANGUAGES, PARTICLE_SET, PLACE_SET, ROLE_SET, STOP_SET, TITLE_SET, VAN_CORE_SET, VERB_SET, VERY_COMMON_SET, fold, isFirst, isLexName, isSur, wordness } from './lexicon.ts';
import { DETERMINERS, PRONOUNS, type Run } from './name-parts.ts';
import { type Tok } from './tokens.ts';

/** Particles that only ever stand inside a name: whatever word follows them is the surname. */
const STRONG_PARTICLES = new Set(['el', 'al', 'ben', 'bin', 'ibn', 'abu', 'abou', 'ait', 'aït', 'bou', 'der', 'den', 'ten', 'ter']);
/** Lowercase particles of a surname; "in", "op", "te" and "het" are far more often prepositions and articles. */
const WEAK = new Set(['in', 'op', 'te', 'het', "'t", 'la', 'le', 'du', 'da', 'di', 'ou']);

/** Months block a lowercase name, but not their abbreviations: "jan" is a first name first. */
const FULL_MONTHS = new Set('januari februari maart april mei juni juli augustus september oktober november december'.split(' '));

/** Common words the dictionary does not list (it leaves out adverbs) that are also first names. */
const UNLISTED_WORDS = new Set(['anders', 'lieve', 'enzo']);

/** Words that are never part of a lowercase name. */
function plainWord(lower: string): boolean {
  return (
    UNLISTED_WORDS.has(lower) ||
    STOP_SET.has(lower) ||
    FUNCTION_SET.has(lower) ||
    VERB_SET.has(lower) ||
    PRONOUNS.has(lower) ||
    TITLE_SET.has(lower) ||
    ROLE_SET.has(lower) ||
    AGE_NOUN_SET.has(lower) ||
    FULL_MONTHS.has(lower) ||
    VERY_COMMON_SET.has(lower) ||
    PLACE_SET.has(lower)
  );
}

function usable(t: Tok | undefined, first = false): t is Tok {
  return !!t && t.kind === 'word' && !t.blocked && (first || (t.tight && !t.nl)) && !plainWord(t.lower);
}

/** The surname after particles may be an ordinary word: "de wit", "van dam". */
function usableCore(t: Tok | undefined): t is Tok {
  return !!t && t.kind === 'word' && !t.blocked && t.tight && !t.nl && ![STOP_SET, FUNCTION_SET, VERB_SET, PRONOUNS].some((set) => set.has(t.lower));
}

function isLowerParticle(t: Tok | undefined): boolean {
  return !!t && t.kind === 'word' && !t.cap && t.tight && !t.nl && PARTICLE_SET.has(t.lower) && !WEAK.has(t.lower);
}

/** An unknown word that may be a surname: not shaped like a verb form, an adverb or an adjective. */
function surnameShaped(lower: string): boolean {
  return lower.length >= 3 && !/(?:t|de|te|en|ig|lijk|isch|s)$/.test(lower) && !/^ge.+[dt]$/.test(lower);
}

/**
 * A name starting with the lowercase first name at token k, or null. `cued` (after a role word)
 * also accepts a first name that is an ordinary word on its own.
 */
export function lowercaseNameRun(toks: Tok[], k: number, cued = false): Run | null {
  const t = toks[k];
  if (!usable(t, true) || t.cap || t.lower.length < 3 || !isFirst(t.lower)) return null;
  const kind = wordness(t.lower);
  // Particles, then the surname: "jan de vries", "fatima el amrani", "tim van der linden".
  let p = k + 1;
  while (p < k + 4 && isLowerParticle(toks[p])) p++;
  if (p > k + 1) {
    const core = toks[p];
    const chain = toks.slice(k + 1, p).map((x) => x.lower);
    const known = usableCore(core) && (isSur(core.lower) || VAN_CORE_SET.has(fold(core.lower)) || DE_CORE_SET.has(fold(core.lower)));
    const strong = usableCore(core) && chain.some((c) => STRONG_PARTICLES.has(c)) && surnameShaped(core.lower);
    if (known || strong) return { s: k, e: p };
  }
  // A surname right after: "lisa bakker", "sanne Bakker", "priya ramdin".
  const n = toks[k + 1];
  if (usable(n) && !PARTICLE_SET.has(n.lower)) {
    if (isSur(n.lower) && (kind !== 'word' || wordness(n.lower) === 'name')) return { s: k, e: k + 1 };
    if (kind === 'name' && !isLexName(n.lower) && !n.cap && surnameShaped(n.lower)) return { s: k, e: k + 1 };
  }
  if (kind === 'name') return { s: k, e: k };
  // "dochter roos heeft", but "mijn collega koos ervoor": a word-like name needs a verb or the end after it.
  const after = toks[k + 1];
  const ends = !after || after.kind === 'punct' || (after.kind === 'word' && VERB_SET.has(after.lower));
  return cued && ends && !VERY_COMMON_SET.has(t.lower) ? { s: k, e: k } : null;
}

/**
 * "Jans moeder", "Fatimas zoon": a capitalised first name with a possessive -s and a noun after
 * it. Returns the end offset of the name without the -s, or -1. A word that is a listed name
 * itself ("Hans", "Kees") keeps its -s.
 */
export function possessiveNameEnd(toks: Tok[], k: number): number {
  const t = toks[k]!;
  if (t.kind !== 'word' || !t.cap || t.caps || t.blocked || t.lower.length < 4 || !t.lower.endsWith('s')) return -1;
  const stem = t.lower.slice(0, -1);
  if (!isFirst(stem) || isLexName(t.lower) || STOP_SET.has(t.lower) || PLACE_SET.has(t.lower)) return -1;
  // "een Noors bedrijf", "in het Fries": the language.
  if (LANGUAGES.has(t.lower) && k > 0 && DETERMINERS.has(toks[k - 1]!.lower)) return -1;
  const n = toks[k + 1];
  if (!n || !n.tight || n.nl || n.kind !== 'word' || n.cap) return -1;
  if ([FUNCTION_SET, VERB_SET, PRONOUNS, TITLE_SET, PARTICLE_SET].some((set) => set.has(n.lower))) return -1;
  return t.end - 1;
}
