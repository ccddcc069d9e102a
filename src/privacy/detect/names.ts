/**
 * Person names: after a form of address, a role word or a naming verb, known names, and capitalised
 * words where Dutch capitalises only proper names.
 */
import { type Cand, PRIORITY, cand } from './entities.ts';
import { AGE_NOUN_SET, AMBIG_SET, DE_CORE_SET, LANGUAGE_CUES, LANGUAGES, NAMING_SET, PLACE_PREP_SET, PLACE_SET, ROLE_SET, STOP_SET, VAN_CORE_SET, VERB_SET, VERY_COMMON_SET, fold, isFirst, isLexName, isSur, wordness } from './lexicon.ts';
import { DETERMINERS, NOUN_ENDING_RE, type Run, TOPO_RE, extendLeft, isParticle, isParticleStart, nameable, orgTail, parseName, runEvidence, sentenceStartUnknownOk, titleEnd, unknownCapOk } from './name-parts.ts';
import { lowercaseNameRun, possessiveNameEnd } from './lowercase-names.ts';
import { type Tok } from './tokens.ts';

/** Words after which a capitalised run names an organisation: "Stichting Present", "Zorggroep Anna". */
const ORG_HEADS = new Set(['stichting', 'vereniging', 'zorggroep', 'woonstichting', 'woningcorporatie', 'coöperatie', 'cooperatie']);

/** "Visser is een zwaar beroep": the word names a trade when one of these follows "is een". */
const TRADE_NOUNS = new Set(['beroep', 'vak', 'ambacht', 'baan', 'opleiding']);

function namesTrade(toks: Tok[], e: number): boolean {
  if (toks[e + 1]?.lower !== 'is' || toks[e + 2]?.lower !== 'een') return false;
  for (let q = e + 3; q <= e + 5 && toks[q]?.kind === 'word'; q++) if (TRADE_NOUNS.has(toks[q]!.lower)) return true;
  return false;
}

export function findPersons(text: string, toks: Tok[], out: Cand[]): void {
  const consumed = new Uint8Array(toks.length);
  const push = (r: Run, prio = PRIORITY.PERSOON) => {
    for (let q = r.s; q <= r.e; q++) consumed[q] = 1;
    out.push(cand('PERSOON', text, toks[r.s]!.start, toks[r.e]!.end, prio));
  };

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (consumed[k] || (t.blocked && !t.known)) continue;

    // 1. Form of address: the name follows it.
    const te = titleEnd(toks, k);
    if (te > 0) {
      const first = toks[te];
      if (first && first.tight && !first.nl) {
        const r = parseName(toks, te, true);
        if (r && !orgTail(toks, r)) {
          push(r);
          k = r.e;
        }
      }
      continue;
    }

    // 2. Relation or role word, then a capitalised word: "moeder Fatima", "haar vriend Kees",
    //    or a first name in lower case: "haar zoon daan".
    if (t.kind === 'word' && ROLE_SET.has(t.lower)) {
      const n = toks[k + 1];
      const lower = n && n.tight && !n.nl && !n.cap ? lowercaseNameRun(toks, k + 1, true) : null;
      if (lower) {
        push(lower);
        k = lower.e;
        continue;
      }
      if (n && n.tight && !n.nl && nameable(n) && titleEnd(toks, k + 1) < 0 && !isParticleStart(n)) {
        const r = parseName(toks, k + 1, false);
        if (r && !orgTail(toks, r) && !(r.s === r.e && PLACE_SET.has(toks[r.s]!.lower))) {
          push(r);
          k = r.e;
          continue;
        }
      }
    }

    // 3. Naming verbs: "heet Kees", "genaamd Roos", "naam is Daan".
    if (t.kind === 'word' && NAMING_SET.has(t.lower)) {
      let j = k + 1;
      while (toks[j] && (toks[j]!.lower === 'is' || toks[j]!.lower === 'was' || /^[:"'“‘]$/.test(toks[j]!.text))) j++;
      const n = toks[j];
      if (n && !n.nl && (nameable(n) || (n.kind === 'word' && isLexName(n.lower) && !STOP_SET.has(n.lower)))) {
        const r = parseName(toks, j, true);
        if (r) {
          push(r);
          k = r.e;
          continue;
        }
      }
    }

    // 4. Known names registered by the team, and initials ("J.P. de Vries").
    if (t.known || t.kind === 'init') {
      const r = parseName(toks, k, t.known);
      if (r && (t.known || (r.e > k && toks[r.e]!.kind === 'word'))) {
        const ext = t.known ? extendLeft(toks, r, consumed, true) : r;
        push(ext, t.known ? PRIORITY.GEBOORTEDATUM - 1 : PRIORITY.PERSOON);
        k = ext.e;
        continue;
      }
    }

    if (t.kind !== 'word') continue;
    // 5. Names in lower case ("jan de vries") and first names with a possessive -s ("Fatimas zoon").
    if (!t.cap) {
      const r = lowercaseNameRun(toks, k);
      if (r) {
        push(r);
        k = r.e;
        continue;
      }
    }
    const possessiveEnd = possessiveNameEnd(toks, k);
    if (possessiveEnd > 0) {
      consumed[k] = 1;
      out.push(cand('PERSOON', text, t.start, possessiveEnd));
      continue;
    }

    // 6. Capitalised words from the name lists, a particle before a surname, or an unknown
    //    capitalised word where Dutch only capitalises proper names.
    const particleStart = isParticleStart(t);
    const lexical = t.cap && nameable(t) && isLexName(t.lower);
    const unknown = !particleStart && !lexical && unknownCapOk(toks, k);
    const sentUnknown = !particleStart && !lexical && !unknown && sentenceStartUnknownOk(toks, k);
    if (!particleStart && !lexical && !unknown && !sentUnknown) continue;

    if (particleStart) {
      let j = k;
      while (isParticle(toks[j]) && j - k < 3) j++;
      const core = toks[j];
      if (!core || core.kind !== 'word') continue;
      const coreFold = fold(core.lower);
      const lastParticle = toks[j - 1]!.lower;
      if (!t.cap) {
        if (t.lower === 'van') {
          // Lowercase "van" before a surname that never takes it is a possessive: "de zoon van Jansen".
          if (!(VAN_CORE_SET.has(coreFold) || TOPO_RE.test(coreFold))) continue;
          const p = toks[k - 1];
          if (p && p.kind === 'word' && (ROLE_SET.has(p.lower) || AGE_NOUN_SET.has(p.lower)) && !isSur(core.lower)) continue;
        } else if (isFirst(core.lower) && !isSur(core.lower)) continue;
      }
      if ((lastParticle === 'de' || lastParticle === 'den') && PLACE_SET.has(core.lower) && !t.cap) continue;
      // "in de Wijk", "op de Berg": an article before a landscape word, not a surname.
      if (!t.cap && t.lower !== 'van' && VAN_CORE_SET.has(coreFold) && !DE_CORE_SET.has(coreFold) && j === k + 1) continue;
    }

    const r = parseName(toks, k, false);
    if (!r) continue;
    if (orgTail(toks, r) || ORG_HEADS.has(toks[r.s - 1]?.lower ?? '')) {
      k = r.e;
      continue;
    }
    const ev = runEvidence(toks, r);
    const head = toks[r.s]!;
    const prev = toks[r.s - 1];
    const atStart = head.sentStart || head.colon;
    const afterPlacePrep = !!prev && prev.kind === 'word' && PLACE_PREP_SET.has(prev.lower) && !head.sentStart;
    const afterStructured = !!prev && (prev.blocked || (prev.text === ',' && !!toks[r.s - 2]?.blocked));
    const nextTok = toks[r.e + 1];
    const nextIsVerb = !!nextTok && nextTok.kind === 'word' && VERB_SET.has(nextTok.lower);
    const nextIsAge = nextTok?.text === '(' && toks[r.e + 2]?.kind === 'num' && toks[r.e + 3]?.text === ')';
    let ok = false;
    if (particleStart) {
      // "de Boer", "van Dijk", "El Amrani": a known surname, or a longer run with a first name.
      ok = ev.sur || (ev.words >= 2 && ev.first) || (!t.cap && VAN_CORE_SET.has(fold(toks[r.e]!.lower)));
      if (head.sentStart && !head.cap) ok = false;
    } else if (ev.words === 1) {
      const lower = head.lower;
      if (atStart && !lexical) {
        ok = sentUnknown || (head.colon && unknown);
      } else if (atStart) {
        // "Bakker worden", "Boer zijn": the word as a trade, not a surname.
        if (wordness(lower) !== 'name' && (nextTok && /^(?:zijn|worden|blijven)$/.test(nextTok.lower) || namesTrade(toks, r.e))) ok = false;
        else if (AMBIG_SET.has(lower) || AMBIG_SET.has(fold(lower))) ok = (nextIsVerb || nextIsAge) && !VERY_COMMON_SET.has(lower);
        else if (isFirst(lower)) ok = true;
        else ok = nextIsVerb || nextIsAge;
      } else if (lexical) {
        ok = !afterPlacePrep || (isFirst(lower) && !PLACE_SET.has(lower));
        if (PLACE_SET.has(lower) && !isFirst(lower)) ok = false;
        if (LANGUAGES.has(lower) && prev && LANGUAGE_CUES.has(prev.lower)) ok = false;
        if (afterStructured && !isFirst(lower)) ok = false;
        // "de Wijk", "het Veld" after the particle rule said no: an article and a noun.
        if (prev && prev.kind === 'word' && DETERMINERS.has(prev.lower) && !isFirst(lower)) ok = false;
      } else {
        ok = unknown;
      }
    } else {
      // Two or more name words. At a sentence start the first word may be an ordinary word with a
      // capital; keep it only when the rest still makes a name.
      if (head.sentStart && !isLexName(head.lower)) {
        const nxt = toks[r.s + 1]!;
        const ev2 = runEvidence(toks, { s: r.s + 1, e: r.e });
        if (isParticle(nxt) || isSur(nxt.lower)) ok = ev2.sur || ev2.particleShape;
        else {
          r.s = r.s + 1;
          ok = ev2.first || ev2.sur || (ev2.words >= 2 && unknownCapOk(toks, r.s));
        }
      } else if (head.sentStart && (AMBIG_SET.has(head.lower) || VERY_COMMON_SET.has(head.lower))) {
        // "Hoop Jansen" is rare; require the second word to be a known name.
        ok = ev.sur || isFirst(toks[r.s + 1]!.lower);
      } else {
        // Two capitalised words that are in no name list are more often an organisation
        // ("Eigen Kracht", "Zorggroep Almere") than a person.
        ok = ev.first || ev.sur || ev.particleShape;
        if (afterPlacePrep && !ev.first) ok = false;
        if (afterStructured && !ev.first && !ev.sur) ok = false;
      }
    }
    if (ok && !ev.first && !ev.sur && !ev.particleShape) {
      // Nothing known about any of the words: each must still look like a name, not like a noun
      // ("Bureau Jeugdzorg", "Maatschappelijk Werk").
      for (let q = r.s; q <= r.e; q++) {
        const w = toks[q]!;
        if (w.kind === 'word' && !isParticle(w) && (NOUN_ENDING_RE.test(w.lower) || STOP_SET.has(w.lower))) ok = false;
      }
    }
    if (!ok) continue;
    // A surname, or one known name followed by a verb ("Shanaya Martina heeft ..."), takes in an
    // unknown word before it even at the start of a sentence.
    const ext = extendLeft(toks, r, consumed, (ev.sur && !ev.first) || (ev.words === 1 && nextIsVerb));
    push(ext);
    k = r.e;
  }
}

