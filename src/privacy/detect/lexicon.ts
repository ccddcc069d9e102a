/**
 * The word lists, folded once into Sets, and the lookups the context rules use.
 */
import { FIRST_NAME_DATA } from './wordlists/first-names.ts';
import { NAMES_THAT_ARE_ALSO_WORDS, NAMES_THAT_ARE_WORDS } from './wordlists/dictionary-names.ts';
import { SURNAME_DATA } from './wordlists/surnames.ts';
import { AGE_PERSON_NOUNS, AMBIGUOUS_NAMES, CAP_PARTICLES, DE_CORES, FUNCTION_WORDS, VAN_CORES, DURATION_AFTER, DURATION_BEFORE, MONTHS, NAME_SUFFIXES, NAMING_WORDS, ORG_TAIL_WORDS, PARTICLES, PERSON_VERBS, PLACES, PLACE_PREPOSITIONS, ROLE_WORDS, STOP_PHRASES, STOP_WORDS, STREET_HEADS, STREET_PREFIXES, STREET_SUFFIXES, TITLES, VERY_COMMON_WORDS, words } from './wordlists/lexicon.ts';

/** Lowercase and drop diacritics, also the Turkish dotless i and a few letters NFD leaves alone. */
const NON_ASCII_RE = /[^\x00-\x7f]/;

export function fold(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s.toLowerCase();
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss');
}

function setOf(list: string, folded = true): Set<string> {
  const s = new Set<string>();
  for (const w of words(list)) {
    s.add(w.toLowerCase());
    if (folded) s.add(fold(w));
  }
  return s;
}

const FIRST = setOf(FIRST_NAME_DATA);
const SUR = setOf(SURNAME_DATA);
export const TITLE_SET = setOf(TITLES);
export const ROLE_SET = setOf(ROLE_WORDS);
export const NAMING_SET = setOf(NAMING_WORDS);
export const PARTICLE_SET = setOf(PARTICLES);
export const CAP_PARTICLE_SET = setOf(CAP_PARTICLES);
export const SUFFIX_SET = setOf(NAME_SUFFIXES);
export const STOP_SET = setOf(STOP_WORDS);
export const FUNCTION_SET = setOf(FUNCTION_WORDS);
export const DE_CORE_SET = setOf(DE_CORES);
export const VAN_CORE_SET = setOf(VAN_CORES);
export const PLACE_SET = setOf(PLACES);
export const PLACE_PREP_SET = setOf(PLACE_PREPOSITIONS);
export const VERB_SET = setOf(PERSON_VERBS);
export const AMBIG_SET = setOf(AMBIGUOUS_NAMES);
export const VERY_COMMON_SET = setOf(VERY_COMMON_WORDS);
export const ORG_TAIL_SET = setOf(ORG_TAIL_WORDS);
export const STREET_HEAD_SET = setOf(STREET_HEADS);
export const STREET_PREFIX_SET = setOf(STREET_PREFIXES);
export const AGE_NOUN_SET = setOf(AGE_PERSON_NOUNS);
export const DUR_BEFORE_SET = setOf(DURATION_BEFORE);
export const DUR_AFTER_SET = setOf(DURATION_AFTER);
export const STOP_PHRASE_SET = setOf(STOP_PHRASES);
const WORD_NAME_SET = setOf(NAMES_THAT_ARE_WORDS);
const WORD_AND_NAME_SET = setOf(NAMES_THAT_ARE_ALSO_WORDS);
export const STOP_PHRASE_MAX = 5;
/** Languages spelled like a first name, or like one with a possessive -s ("Frans", "Noors" is Norwegian). */
export const LANGUAGES = new Set(['frans', 'noors', 'fries', 'deens', 'zweeds', 'iers', 'schots', 'fins', 'grieks', 'engels']);
/** Words before a language name: "spreekt Frans", "in het Frans". */
export const LANGUAGE_CUES = new Set('spreekt spreken sprak praat praten leest lezen verstaat verstaan het in en of cursus les tolk vertaald'.split(' '));
/** Street endings, longest first so "dwarsstraat" wins over "straat". */
export const STREET_SUFFIX_LIST = [...setOf(STREET_SUFFIXES, false)]
  .filter((s) => !s.endsWith('.'))
  .sort((a, b) => b.length - a.length);
/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = new Set([
  ...[...TITLE_SET].map((t) => t.replace(/\.$/, '')),
  ...Object.keys(MONTHS),
  ...'geb tel nr bijv bv ca evt ivm mbt oa dwz zgn resp jl jr sr st str vs etc incl excl ong max min mob'.split(' '),
]);

export function isStop(lower: string): boolean {
  return STOP_SET.has(lower) || FUNCTION_SET.has(lower);
}

/** True when a word is in the bundled first-name or surname lists (used by the benchmark report). */
export function isListedNameWord(word: string): boolean {
  return isLexName(word.toLowerCase());
}

export function isLexName(lower: string): boolean {
  return isFirst(lower) || isSur(lower);
}
export function isFirst(lower: string): boolean {
  return FIRST.has(lower) || (NON_ASCII_RE.test(lower) && FIRST.has(fold(lower)));
}
export function isSur(lower: string): boolean {
  return SUR.has(lower) || (NON_ASCII_RE.test(lower) && SUR.has(fold(lower)));
}

/**
 * How ordinary a listed name word is as a Dutch word, after the OpenTaal dictionary: 'word' when
 * it is listed only as a word ("roos", "bakker"), 'both' when also as a name ("jan", "mulder"),
 * 'name' otherwise ("fatima", "jansen").
 */
export function wordness(lower: string): 'word' | 'both' | 'name' {
  if (WORD_NAME_SET.has(lower)) return 'word';
  return WORD_AND_NAME_SET.has(lower) ? 'both' : 'name';
}
