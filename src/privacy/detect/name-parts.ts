/**
 * The building blocks of name detection: which tokens may be part of a name, how a run of
 * name words is collected, and the evidence the word lists give about it.
 */
import { streetSuffixOf } from './addresses.ts';
import { AGE_NOUN_SET, CAP_PARTICLE_SET, FUNCTION_SET, ORG_TAIL_SET, PARTICLE_SET, PLACE_PREP_SET, PLACE_SET, ROLE_SET, STOP_SET, SUFFIX_SET, TITLE_SET, VERB_SET, isFirst, isLexName, isSur } from './lexicon.ts';
import { type Tok } from './tokens.ts';

export const PRONOUNS = new Set('u ik jij je hij zij wij we jullie ze het de een dit dat deze die wat wie waar hoe waarom wanneer welke en of'.split(' '));
/** Before an unknown capitalised word these point to an organisation or a shop: "bij Lidl", "via Cordaan". */
const ORG_PREPS = new Set(['bij', 'via', 'vanuit', 'namens']);
export const DETERMINERS = new Set('de het een deze dit ons onze jullie hun mijn jouw uw elke ieder iedere geen welke'.split(' '));
/** Verbs that, right after an unknown capitalised word at the start of a sentence, mark it as a person. */
const SUBJECT_VERBS = new Set(
  'belde belt mailde mailt appte appt vertelde vertelt zei zegt woont woonde vroeg vraagt kwam komt wilde vindt vond heeft had huilde huilt lachte schreef stuurde meldde liet reageerde verhuisde verhuist weigert weigerde'.split(' '),
);
/** Endings of Dutch common nouns; a capitalised word with one of these is not taken as an unknown name. */
export const NOUN_ENDING_RE = /(?:isch|ische|aanse|aans|eese|ense|aase|kse|olse|anse|itse|iase|ese|lijk|lijke|ers|aars|isten|anten|enten|nals|ingen|management|beleid|onderzoek|ing|heid|schap|teit|isme|atie|tie|sie|loket|centrum|huis|team|zorg|wet|dienst|bank|fonds|raad|plan|school|kerk|werk|hulp|kantoor|overleg|gesprek|melding|regeling|toeslag|uitkering|verzekeraar|corporatie|instelling|organisatie|stichting|vereniging|gemeente|afdeling|woning|buurt|wijk|stad|dorp|land|straat|laan|weg|plein|gracht|kade|park|markt|dijk|haven|station|ziekenhuis|kliniek|praktijk)$/;
export const TOPO_RE = /(?:dijk|berg|veen|horst|hoven|burg|dam|wijk|hout|beek|broek|donk|veld|velde|meer|laar|loo|rode|oord|huizen|hof|kamp|sloot|ingen|rijk|stein|steijn|waarde|weerd|ven|heuvel|hoek|linden|leeuwen)$/;

export function isParticle(t: Tok | undefined): boolean {
  return !!t && t.kind === 'word' && (PARTICLE_SET.has(t.lower) || t.lower === "'t");
}

/** A word that may be part of a name: capitalised, not a stop word, not shouting unless a known name. */
export function nameable(t: Tok | undefined): boolean {
  if (!t || t.blocked || t.kind !== 'word') return false;
  if (t.known) return true;
  if (!t.cap) return false;
  if (STOP_SET.has(t.lower) && !CAP_PARTICLE_SET.has(t.lower)) return false;
  if (FUNCTION_SET.has(t.lower)) return false;
  if (TITLE_SET.has(t.lower)) return false;
  if (t.caps && t.text.length > 1 && !isLexName(t.lower)) return false;
  // Compounds like "Wmo-aanvraag" or "Teams-bericht" are things, not people.
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const parts = t.text.split('-');
    if (STOP_SET.has(parts[0]!.toLowerCase())) return false;
    if (parts.slice(1).some((p) => p && p[0] === p[0]!.toLowerCase() && !PARTICLE_SET.has(p.toLowerCase()))) return false;
  }
  return true;
}

/** A street word directly followed by a house number is an address, not a name part. */
function looksLikeStreet(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  return streetSuffixOf(t.lower) !== null && toks[k + 1]?.kind === 'num';
}

export interface Run {
  s: number; // first token
  e: number; // last token
}

/**
 * Collect a name starting at token k: initials, capitalised words, particle chains that lead to a
 * capitalised word, and a trailing jr./sr. After a form of address (`afterTitle`) lowercase words
 * from the name lists and capitalised words from the stop list are accepted too ("mw jansen", "dhr. West").
 */
export function parseName(toks: Tok[], k: number, afterTitle: boolean): Run | null {
  let i = k;
  let last = -1;
  let count = 0;
  while (i < toks.length && count < 7) {
    const t = toks[i]!;
    if (t.blocked && !t.known) break;
    if (i > k && (!t.tight || t.nl)) break;
    if (t.kind === 'init') {
      last = i;
      i++;
      count++;
      continue;
    }
    if (t.kind !== 'word') break;
    // "jr." / "sr." close the name; they are added below.
    if (count > 0 && SUFFIX_SET.has(t.lower)) break;
    if (isParticle(t) && !(t.cap && !CAP_PARTICLE_SET.has(t.lower) && isLexName(t.lower))) {
      // A particle chain counts only when it ends in a capitalised (or, after a title, known) word.
      let j = i;
      while (j < toks.length && isParticle(toks[j]) && j - i < 3 && (j === i || toks[j]!.tight)) j++;
      const core = toks[j];
      const okCore =
        !!core &&
        core.tight &&
        !core.nl &&
        (nameable(core) || (afterTitle && core.kind === 'word' && isSur(core.lower))) &&
        !looksLikeStreet(toks, j) &&
        !(PLACE_SET.has(core.lower) && !isSur(core.lower));
      // "in", "op", "te" are particles only in fixed combinations ("in 't Veld", "op de Beek").
      const chain = toks.slice(i, j).map((x) => x.lower);
      const weakHead = t.lower === 'in' || t.lower === 'op' || t.lower === 'te';
      const okChain = !weakHead || (chain.length >= 2 && (chain[1] === "'t" || chain[1] === 'de' || chain[1] === 'den') && i > k);
      if (okCore && okChain) {
        count += j - i + 1;
        last = j;
        i = j + 1;
        continue;
      }
      break;
    }
    if (nameable(t) && !looksLikeStreet(toks, i)) {
      last = i;
      i++;
      count++;
      continue;
    }
    if (afterTitle && count === 0 && !PRONOUNS.has(t.lower) && !FUNCTION_SET.has(t.lower) && !t.blocked) {
      if (t.cap || (isLexName(t.lower) && !STOP_SET.has(t.lower))) {
        last = i;
        i++;
        count++;
        continue;
      }
    }
    if (afterTitle && count > 0 && toks[last]!.kind === 'word' && isSur(t.lower) && !STOP_SET.has(t.lower) && !FUNCTION_SET.has(t.lower) && !VERB_SET.has(t.lower)) {
      last = i;
      i++;
      count++;
      continue;
    }
    break;
  }
  if (last < 0) return null;
  // Initials alone are no name ("A." at the end of a sentence).
  if (toks[last]!.kind === 'init' && !toks.slice(k, last + 1).some((x) => x.kind === 'word')) return null;
  // Trailing "jr." / "sr.".
  const suf = toks[last + 1];
  if (suf && suf.tight && suf.kind === 'word' && SUFFIX_SET.has(suf.lower)) {
    last++;
    if (toks[last + 1]?.text === '.' && toks[last + 1]!.start === toks[last]!.end) last++;
  }
  return { s: k, e: last };
}

/** Title at token k ("mevrouw", "dhr.", "de heer"); returns the index after it, or -1. */
export function titleEnd(toks: Tok[], k: number): number {
  const t = toks[k]!;
  if (t.kind !== 'word' || !TITLE_SET.has(t.lower)) return -1;
  // "heer" counts only in "de heer".
  if (t.lower === 'heer' && toks[k - 1]?.lower !== 'de') return -1;
  let j = k + 1;
  if (toks[j]?.text === '.' && toks[j]!.start === t.end) j++;
  // Chains like "mevrouw dr." or "dhr. mr.".
  if (toks[j] && toks[j]!.kind === 'word' && TITLE_SET.has(toks[j]!.lower) && toks[j]!.lower !== 'heer') return titleEnd(toks, j);
  return j;
}

interface Evidence {
  first: boolean;
  sur: boolean;
  particleShape: boolean;
  words: number;
}

export function runEvidence(toks: Tok[], r: Run): Evidence {
  const ev: Evidence = { first: false, sur: false, particleShape: false, words: 0 };
  for (let q = r.s; q <= r.e; q++) {
    const t = toks[q]!;
    if (t.kind !== 'word') continue;
    if (isParticle(t) && !(t.cap && isLexName(t.lower) && !CAP_PARTICLE_SET.has(t.lower))) {
      if (q > r.s) ev.particleShape = true;
      continue;
    }
    if (SUFFIX_SET.has(t.lower)) continue;
    ev.words++;
    if (t.known) {
      ev.first = true;
      ev.sur = true;
    }
    if (isFirst(t.lower)) ev.first = true;
    if (isSur(t.lower)) ev.sur = true;
  }
  return ev;
}

/** The run is followed by a word that makes it an organisation ("Emma Kinderziekenhuis"). */
export function orgTail(toks: Tok[], r: Run): boolean {
  const n = toks[r.e + 1];
  return !!n && n.tight && n.kind === 'word' && ORG_TAIL_SET.has(n.lower) && (n.cap || n.lower.endsWith('ziekenhuis'));
}

/** A capitalised word we know nothing about, in a position where Dutch capitalises only proper names. */
export function unknownCapOk(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (t.kind !== 'word' || !t.cap || t.caps || t.text.length < 2 || !nameable(t)) return false;
  if (t.sentStart) return false;
  const lower = t.lower;
  if (PLACE_SET.has(lower) || ROLE_SET.has(lower) || AGE_NOUN_SET.has(lower) || TITLE_SET.has(lower) || VERB_SET.has(lower)) return false;
  if (NOUN_ENDING_RE.test(lower) || streetSuffixOf(lower) !== null) return false;
  const p = toks[k - 1];
  if (p) {
    if (p.kind === 'word' && (PLACE_PREP_SET.has(p.lower) || DETERMINERS.has(p.lower) || ORG_PREPS.has(p.lower))) return false;
    // Next to a capitalised stop word it is part of an organisation ("Sociaal Domein").
    if (p.kind === 'word' && p.cap && !p.sentStart && STOP_SET.has(p.lower)) return false;
    // Right after a postcode or an address: a place name.
    if (p.blocked) return false;
    if (p.text === ',' && toks[k - 2]?.blocked) return false;
    if (p.kind === 'num') return false;
  }
  const n = toks[k + 1];
  if (n && n.kind === 'word' && n.cap && n.tight && STOP_SET.has(n.lower) && !CAP_PARTICLE_SET.has(n.lower)) return false;
  // "Bijlage 3", "Respondent 12", "Groep 7": a label with a number.
  if (n && n.kind === 'num' && n.tight) return false;
  if (p && p.text === '&') return false;
  return true;
}

/** An unknown capitalised word opening a sentence, followed by a verb typical for a person. */
export function sentenceStartUnknownOk(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!t.sentStart || t.kind !== 'word' || !t.cap || t.caps || t.text.length < 3 || !nameable(t)) return false;
  const lower = t.lower;
  if (PLACE_SET.has(lower) || ROLE_SET.has(lower) || AGE_NOUN_SET.has(lower) || PRONOUNS.has(lower) || NOUN_ENDING_RE.test(lower)) return false;
  const n = toks[k + 1];
  return !!n && n.tight && n.kind === 'word' && SUBJECT_VERBS.has(n.lower);
}

/** Particle that begins a surname: lowercase "van"/"de"/..., or capitalised "Van", "De", "El". */
export function isParticleStart(t: Tok): boolean {
  if (t.kind !== 'word') return false;
  if (t.cap) return CAP_PARTICLE_SET.has(t.lower);
  return PARTICLE_SET.has(t.lower) && !['in', 'op', 'te', 'het', 'la', 'le', 'da', 'di', 'du', 'ou', 'al', 'el', 'bin', 'ben', 'ibn', 'bou', 'abu', 'abou', 'ait', 'aït'].includes(t.lower);
}

/**
 * Take in an unknown first name right before a surname: "Jazzlynn de Bruyn", "Lotte Hazes".
 * `surnameRun` allows this even at the start of a sentence.
 */
export function extendLeft(toks: Tok[], r: Run, consumed: Uint8Array, surnameRun: boolean): Run {
  let s = r.s;
  for (let steps = 0; steps < 2; steps++) {
    const p = toks[s - 1];
    const cur = toks[s]!;
    if (!p || consumed[s - 1] || !cur.tight || cur.nl) break;
    if (p.kind === 'init') {
      s--;
      continue;
    }
    if (!nameable(p) || isParticle(p)) break;
    if (p.sentStart && !isLexName(p.lower) && !p.known) {
      const particleNext = steps === 0 && isParticle(cur) && !cur.cap;
      if (!(surnameRun || particleNext) || NOUN_ENDING_RE.test(p.lower) || ROLE_SET.has(p.lower) || AGE_NOUN_SET.has(p.lower)) break;
    }
    if (PLACE_SET.has(p.lower) && !isLexName(p.lower)) break;
    const pp = toks[s - 2];
    if (pp && pp.kind === 'word' && (PLACE_PREP_SET.has(pp.lower) || DETERMINERS.has(pp.lower)) && !isLexName(p.lower)) break;
    if (pp && pp.blocked && !isLexName(p.lower)) break;
    s--;
  }
  return { s, e: r.e };
}
