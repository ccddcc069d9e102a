/**
 * Ages recognised by the words around a number, in digits or in words: "een jongen van 14",
 * "haar zoon van veertien", "leeftijd: 72", "ze is 45", "hij wordt in juni achttien", "op haar
 * zestiende". Decades ("een vijftiger", "in de zeventig") are not exact ages and stay.
 */
import { UNIT_AFTER_NUMBER } from './addresses.ts';
import { type Cand, cand } from './entities.ts';
import { AGE_NOUN_SET, FUNCTION_SET, ROLE_SET, VERB_SET } from './lexicon.ts';
import { cardinalValue, ordinalValue } from './numerals.ts';
import { type Tok } from './tokens.ts';

/** Words that may stand between "is"/"wordt" and the age: "ze is net 16", "hij wordt in juni 18". */
const BETWEEN_VERB_AND_AGE =
  /^(?:net|pas|bijna|al|inmiddels|nu|dus|ook|toch|eindelijk|zelf|later|volgend|volgende|vorige|deze|dit|maand|week|jaar|binnenkort|straks|morgen|zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|in|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$/;
const YEARS_RE = /^(?:jaar|jr|jaren)$/;
const POSSESSIVES = new Set(['zijn', 'haar', 'hun']);

/** The age a token gives, in digits or a written number; "een" is an article, not an age. */
function ageValue(t: Tok | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === 'num') return t.text.length <= 3 ? Number(t.text) : undefined;
  if (t.kind !== 'word' || t.lower === 'een') return undefined;
  return cardinalValue(t.lower);
}

/** After a written number, a noun ("de moeder van twee kinderen") means a count, not an age. */
function endsClause(t: Tok | undefined): boolean {
  if (!t || t.kind === 'punct') return true;
  if (t.kind !== 'word') return false;
  return VERB_SET.has(t.lower) || FUNCTION_SET.has(t.lower) || /^(?:en|of|geworden)$/.test(t.lower) || /[^aeiou]t$/.test(t.lower);
}

/** A pronoun, a person noun or a detected name shortly before the verb at `k`. */
function hasPersonSubject(toks: Tok[], k: number, persons: Cand[]): boolean {
  let subj = false;
  for (let q = k - 1; q >= Math.max(0, k - 10); q--) {
    const s = toks[q]!;
    if (persons.some((p) => p.start <= s.start && s.end <= p.end)) return true;
    if (s.kind === 'punct' && /^[.!?;]$/.test(s.text)) break;
    if (/^(?:hij|zij|ze|ik|jij|je|u)$/.test(s.lower) || ROLE_SET.has(s.lower) || AGE_NOUN_SET.has(s.lower)) subj = true;
  }
  return subj;
}

export function findAgesAfterWords(text: string, toks: Tok[], persons: Cand[], out: Cand[]): void {
  for (let k = 0; k + 2 < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word') continue;
    const nt = toks[k + 2]!;
    const nx = toks[k + 3];
    // "een jongen van 14", "haar zoon van veertien", "leeftijd: 72", "leeftijd van 72".
    const afterNoun = (AGE_NOUN_SET.has(t.lower) || ROLE_SET.has(t.lower) || t.lower === 'leeftijd') && toks[k + 1]!.lower === 'van';
    if (afterNoun || (t.lower === 'leeftijd' && toks[k + 1]!.text === ':')) {
      const value = ageValue(nt);
      if (value === undefined || value > 120) continue;
      if (nt.kind === 'num') {
        // Digits before "jaar" are handled with the other "n jaar" ages.
        if (!AGE_NOUN_SET.has(t.lower) && t.lower !== 'leeftijd') continue;
        if (nx && nx.kind === 'word' && YEARS_RE.test(nx.lower)) continue;
        if (nx && (UNIT_AFTER_NUMBER.has(nx.lower) || (/^[,.]$/.test(nx.text) && toks[k + 4]?.kind === 'num' && toks[k + 4]!.start === nx.end))) continue;
        if (nx && nx.kind === 'word' && /^(?:euro|kilo|cm|meter|uur|minuten|procent)$/.test(nx.lower)) continue;
        out.push(cand('LEEFTIJD', text, nt.start, nt.end));
      } else if (nx && nx.kind === 'word' && YEARS_RE.test(nx.lower)) {
        out.push(cand('LEEFTIJD', text, nt.start, nx.end));
      } else if (endsClause(nx)) {
        out.push(cand('LEEFTIJD', text, nt.start, nt.end));
      }
      continue;
    }
    // "op haar zestiende kreeg ze ...": an ordinal after a possessive, then a verb or the end.
    if (t.lower === 'op' && POSSESSIVES.has(toks[k + 1]!.lower) && nt.kind === 'word' && ordinalValue(nt.lower) !== undefined && endsClause(nx)) {
      out.push(cand('LEEFTIJD', text, nt.start, nt.end));
    }
  }
  // "Ze is 45.", "hij wordt in juni achttien en ..." with a person as subject.
  for (let k = 1; k + 1 < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word' || !/^(?:is|wordt|werd|was)$/.test(t.lower)) continue;
    let j = k + 1;
    while (j < k + 5 && toks[j] && BETWEEN_VERB_AND_AGE.test(toks[j]!.lower)) j++;
    const nt = toks[j];
    const value = ageValue(nt);
    if (!nt || value === undefined || value > 110 || value < 1) continue;
    const nx = toks[j + 1];
    if (nx && !(nx.kind === 'punct' && /^[.,;!?)]$/.test(nx.text) && !(toks[j + 2]?.kind === 'num' && toks[j + 2]!.start === nx.end)) && !(nx.kind === 'word' && /^(?:en|geworden|of)$/.test(nx.lower))) continue;
    if (hasPersonSubject(toks, k, persons)) out.push(cand('LEEFTIJD', text, nt.start, nt.end));
  }
}
