/**
 * Dutch numbers written in words, for ages: "veertien", "zevenentachtig", and ordinals such as
 * "achttiende" ("op haar achttiende").
 */
const UNITS = ['', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const TEENS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const ORDINAL_UNITS = ['', 'eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende'];

const CARDINALS = new Map<string, number>();
const ORDINALS = new Map<string, number>();
for (let n = 1; n <= 99; n++) {
  const u = n % 10;
  const t = Math.floor(n / 10);
  let word: string;
  if (n < 10) word = UNITS[n]!;
  else if (n < 20) word = TEENS[n - 10]!;
  else if (u === 0) word = TENS[t]!;
  else word = `${UNITS[u]}${UNITS[u]!.endsWith('e') ? 'ën' : 'en'}${TENS[t]}`;
  CARDINALS.set(word, n);
  CARDINALS.set(word.replace('ë', 'e'), n);
  const ordinal = n < 10 ? ORDINAL_UNITS[n]! : n < 20 ? `${word}de` : `${word}ste`;
  ORDINALS.set(ordinal, n);
  ORDINALS.set(ordinal.replace('ë', 'e'), n);
}
CARDINALS.set('honderd', 100);

/** The value of a number written in words ("zevenentachtig" → 87), or undefined. */
export function cardinalValue(lower: string): number | undefined {
  return CARDINALS.get(lower);
}

/** The value of an ordinal written in words ("achttiende" → 18), or undefined. */
export function ordinalValue(lower: string): number | undefined {
  return ORDINALS.get(lower);
}
