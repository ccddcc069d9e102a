import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(word: string): string } };
const dutchStemmer = snowball.newStemmer('dutch');

/** Function words that carry no meaning for search (Dutch, plus the English ones coaches mix in). */
export const STOPWORDS = new Set(
  `aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
  geen geweest had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw kan kon kunnen
  kun maar me meer men met mij mijn moet moeten na naar niet nog nu of om omdat ons onze ook op over reeds
  te tegen toch toen tot u uit uw van veel voor want waren was wat we wel welk welke werd wie wij wil worden wordt
  zal ze zei zelf zich zij zijn zo zonder zou zouden mag mogen ga gaat gaan doe doet krijg krijgt hoeveel waar wanneer
  waarom graag even eigenlijk precies soms heel echt staat stond iets ie m'n z'n d'r 't kunt jullie ergens zoiets hoelang
  voordat nadat zodat terwijl totdat sinds hoewel indien tenzij zodra alsof vaak meestal ooit weleens steeds
  telkens opnieuw alweer daarna daarom daardoor daarbij daarvoor daarmee daarvan daarin hierbij hiervoor hiermee
  waarover waarmee waarvoor waarbij waarin waarop overal nergens zoveel zo'n zulke zulk vooral bijna ongeveer
  misschien natuurlijk gewoon zeker nou elkaar ieder iedere elk elke enkele sommige beide allebei iedereen
  haar hen mezelf jezelf zichzelf kom komt komen kwam gekomen ging gegaan deed gedaan maak maakt maken maakte
  gemaakt krijgen kreeg gekregen zit zitten staan hebt gehad bent word geworden kon moest zullen wilt willen
  wilde laat laten
  ipv svp aub bijv evt ivm mbt oid ofzo enzo enz etc pls plz thx wrs idd
  per erover erbij ervan ermee erin erop eraan ervoor eruit erna erachter ertoe erheen
  the a an of to is are what how do does i we you in on for with and or can should when where who which my our
  about after am any as at be because before being but by could did doing each from has have having he her his if
  into it its me much many must need no not now only other out she so some than that their them then there these
  they this those through too very was were why will would your get make sure take there's it's i'm`
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

const NUMBER_WORDS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const TENS: Record<string, string> = { twintig: '20', dertig: '30', veertig: '40', vijftig: '50', zestig: '60', honderd: '100' };

/**
 * The other way to write a number: "vier" ↔ "4", so "vier maanden" finds "4 maanden". "een" is left
 * alone: as a number it is far rarer than the article.
 */
const ENGLISH_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

export function numberVariant(word: string): string | undefined {
  if (ENGLISH_NUMBERS.indexOf(word) > 1) return NUMBER_WORDS[ENGLISH_NUMBERS.indexOf(word)];
  const i = NUMBER_WORDS.indexOf(word);
  if (i > 1) return String(i);
  if (TENS[word]) return TENS[word];
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    if (n > 1 && n < NUMBER_WORDS.length) return NUMBER_WORDS[n];
    return Object.keys(TENS).find((k) => TENS[k] === word);
  }
  return undefined;
}

/**
 * Particles of separable verbs. "om" is left out: "om te helpen" is a purpose clause, not omhelpen.
 */
export const PARTICLES = 'aan af bij door in mee na op over terug toe uit voor weg samen vast los neer tegen dicht open binnen buiten rond achter langs thuis vrij kwijt deel plaats goed stil';
const SEPARATED_VERB = new RegExp(`(?<![\\p{L}\\p{N}])(${PARTICLES.split(' ').join('|')}) te (\\p{L}+n)(?![\\p{L}\\p{N}])`, 'gu');

/** Separable verbs written apart with "te", joined again: "toe te wijzen" → toewijzen (particle toe, verb wijzen). */
export function separatedVerbs(foldedText: string): { joined: string; particle: string; verb: string }[] {
  return [...foldedText.matchAll(SEPARATED_VERB)].map((m) => ({ joined: m[1]! + m[2]!, particle: m[1]!, verb: m[2]! }));
}

/**
 * What kind of words answer a question: "hoe lang" is answered by a duration, "hoe vaak" by a
 * frequency. Such words are rarely in the question itself.
 */
const ANSWER_HINTS: [RegExp, string[]][] = [
  [/\b(hoe ?lang|hoeveel tijd|binnen hoeveel|termijn|how long|how much time)\b/, ['minuten', 'uur', 'dagen', 'weken', 'maanden', 'jaar', 'termijn']],
  [/\b(hoe ?vaak|hoeveel keer|how often|how many times)\b/, ['keer', 'wekelijks', 'tweewekelijks', 'maandelijks', 'jaarlijks', 'per week', 'per maand', 'per jaar']],
];

export function answerHints(foldedQuestion: string): string[] {
  // "Om de hoeveel tijd …?" asks how often, however much it sounds like "hoeveel tijd".
  const asked = foldedQuestion.replace(/\bom de hoeveel\b/, 'hoe vaak');
  return ANSWER_HINTS.filter(([pattern]) => pattern.test(asked)).flatMap(([, hints]) => hints);
}

/**
 * The Dutch stemmer leaves vowel length alone, so "vraag" and "vragen", "maak" and "maken",
 * "anonimiseer" and "anonimiseren" get different stems. Returns the other spelling: a long vowel in
 * a closed syllable is written double, in an open one single (and f/s become v/z before -en).
 */
export function vowelLengthVariant(word: string): string | undefined {
  const closed = /^(.*[^aeiou])([aeiou])\2([^aeiou])$/.exec(word);
  if (closed) return `${closed[1]}${closed[2]}${voiced(closed[3]!)}en`;
  const open = /^(.*[^aeiou])([aeiou])([^aeiou])en$/.exec(word);
  if (open) return `${open[1]}${open[2]}${open[2]}${devoiced(open[3]!)}`;
  return undefined;
}

const voiced = (c: string) => (c === 'f' ? 'v' : c === 's' ? 'z' : c);
const devoiced = (c: string) => (c === 'v' ? 'f' : c === 'z' ? 's' : c);

/**
 * Other words of the same family that the stemmer keeps apart: a participle and its verb or noun
 * ("verwaarloosd" → verwaarlozen, finds "verwaarlozing"; "gemaild" → mailen), a noun in -ing and its
 * verb. Only forms the index knows count for anything, so a wrong guess costs nothing.
 */
/** The base of a diminutive: plantjes → plant, bloempje → bloem. */
export function withoutDiminutive(word: string): string {
  const base = /^(.{3,}?)(etjes|etje|tjes|tje|pjes|pje|jes|je)$/.exec(word)?.[1];
  if (!base) return word;
  // After one short vowel and l, n or r the diminutive is -etje (plan → plannetje), so in "plantje" the t is the base's: plant.
  if (/tjes?$/.test(word) && !/etjes?$/.test(word) && /[^aeiou][aeiou][lnr]$/.test(base)) return `${base}t`;
  return base;
}

export function familyVariants(word: string): string[] {
  const out = new Set<string>();
  if ((word.length >= 6 || (word.length >= 4 && word.endsWith('t'))) && /[dt]$/.test(word) && !/(heid|iteit|teit|dt)$/.test(word)) {
    const root = word.slice(0, -1);
    for (const base of /^ge.{4,}/.test(root) ? [root, root.slice(2)] : [root]) {
      out.add(`${base}en`);
      out.add(`${base}${base.at(-1)}en`);
      const other = vowelLengthVariant(base);
      if (other) out.add(other);
    }
  }
  if (word.length >= 7 && word.endsWith('ing')) out.add(`${word.slice(0, -3)}en`);
  // A separable verb's participle: uitgevraagd → uitvragen, aangemeld → aanmelden.
  const separable = new RegExp(`^(${PARTICLES.split(' ').join('|')})ge(.{3,})[dt]$`).exec(word);
  if (separable) {
    out.add(`${separable[1]}${separable[2]}en`);
    const other = vowelLengthVariant(separable[2]!);
    if (other) out.add(`${separable[1]}${other}`);
  }
  // A weak past tense: "gokte" → gokken, "meldde" → melden.
  const past = /^(.{3,}?)(te|de|ten|den)$/.exec(word);
  if (past) {
    out.add(`${past[1]}en`);
    out.add(`${past[1]}${past[1]!.at(-1)}en`);
    const other = vowelLengthVariant(past[1]!);
    if (other) out.add(other);
  }
  if (word.length >= 6 && withoutDiminutive(word) !== word) out.add(withoutDiminutive(word));
  // An adjective and its noun: angstig → angst, schuldig → schuld.
  const adjective = /^(.{4,}?)(ige|ig)$/.exec(word);
  if (adjective) out.add(adjective[1]!);
  out.delete(word);
  return [...out];
}

/** Every spelling one edit away (a letter replaced, left out, added, or two swapped), first letter kept. */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 1; i <= word.length; i++) {
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    if (i < word.length - 1) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const l of letters) {
      if (i < word.length) out.add(word.slice(0, i) + l + word.slice(i + 1));
      out.add(word.slice(0, i) + l + word.slice(i));
    }
  }
  out.delete(word);
  return [...out].filter((w) => /^\p{L}+$/u.test(w));
}

/** Edit distance with adjacent transpositions (optimal string alignment): typos such as "verkenen", "vierogen". */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}
