import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(word: string): string } };
const dutchStemmer = snowball.newStemmer('dutch');

/** Function words that carry no meaning for search (Dutch, plus the English ones coaches mix in). */
export const STOPWORDS = new Set(
  `aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
  geen geweest had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw kan kon kunnen
  kun maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat ons onze ook op over reeds
  te tegen toch toen tot u uit uw van veel voor want waren was wat we wel welk welke werd wie wij wil worden wordt
  zal ze zei zelf zich zij zijn zo zonder zou zouden mag mogen ga gaat gaan doe doet krijg krijgt hoeveel waar wanneer
  waarom graag even eigenlijk precies soms heel echt staat stond iets ie m'n z'n d'r 't
  the a an of to is are what how do does i we you in on for with and or can should when where who which my our`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower case without diacritics, so "cliënt", "Cliënt" and "client" meet. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) ? word : dutchStemmer.stem(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Content words of a text: folded, hyphenated words also as their parts, stopwords removed. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const parts = w.includes('-') ? [w.replace(/-/g, ''), ...w.split('-')] : [w];
    for (const p of parts) if (p.length > 1 && !STOPWORDS.has(p)) out.push(p);
  }
  return out;
}
