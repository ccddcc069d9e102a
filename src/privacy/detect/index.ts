/**
 * Rule-based detection of personal data in Dutch free text (chat questions, case notes).
 *
 * No model and no network: regular expressions with validators for the structured identifiers
 * (BSN with the elfproef, IBAN with mod-97, phone numbers by digit count), a small tokenizer with
 * context rules for addresses, ages and person names, and hand-written word lists
 * (./wordlists). Everything is compiled once when the module loads.
 *
 * The pipeline: structured identifiers and dates first (they win every overlap), then the
 * tokens they cover are blocked, then addresses, names and ages on what is left; resolve.ts keeps
 * the strongest candidate where spans overlap.
 *
 * Span conventions (see bench/privacy/README.md): a person span holds the name itself, with
 * initials and tussenvoegsels, but without the form of address (mevrouw, dhr., dr.). An age span
 * holds the number and its unit ("72 jaar", "14-jarige"), a bare number in "(72)" or "van 14".
 *
 * Detection runs on a normalised copy of the text (normalise.ts) and maps the entities back.
 *
 * This folder is a leaf: it imports nothing outside itself except the word lists.
 */
import { findAddresses } from './addresses.ts';
import { findAges } from './ages.ts';
import { findBsns, findIbans } from './bsn-iban.ts';
import { findDates } from './dates.ts';
import { type Cand, type DetectOptions, type Entity, PLACEHOLDER_RE, cand } from './entities.ts';
import { normaliseText, toOriginalSpans } from './normalise.ts';
import { URL_RE, findEmails, findKentekens, findPostcodes } from './identifiers.ts';
import { knownNamePattern } from './known-names.ts';
import { findLabelledNumbers } from './labelled-numbers.ts';
import { findPersons } from './names.ts';
import { findPhones } from './phone.ts';
import { resolve } from './resolve.ts';
import { blockStopPhrases, blockTokens, tokenize } from './tokens.ts';

/**
 * Find personal data in `text`. Returns non-overlapping entities sorted by offset, with offsets
 * into `text` itself (not into its normalised form). Existing placeholders such as "[PERSOON-1]"
 * are never part of an entity.
 */
export function detectPersonalData(text: string, options: DetectOptions = {}): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const normalised = normaliseText(text);
  const knownNames = (options.knownNames ?? []).map((n) => normaliseText(n).text);
  const found = detectNormalised(normalised.text, knownNames);
  if (!normalised.starts) return found;
  return toOriginalSpans(normalised, text, found).map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
}

/** What a person reads in `text`: the normalised form the detector compares, for example to number values. */
export function visibleText(text: string): string {
  return normaliseText(text).text;
}

function detectNormalised(text: string, knownNames: string[]): Entity[] {
  const placeholders: { start: number; end: number }[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) placeholders.push({ start: m.index, end: m.index + m[0].length });

  const structured: Cand[] = [];
  findEmails(text, structured);
  findIbans(text, structured);
  findLabelledNumbers(text, structured);
  findBsns(text, structured);
  findPhones(text, structured);
  findKentekens(text, structured);
  findPostcodes(text, structured);
  findDates(text, structured);
  const free = (c: Cand) => !placeholders.some((p) => c.start < p.end && p.start < c.end);
  const firstPass = resolve(structured.filter(free)) as Cand[];

  const toks = tokenize(text);
  const urls: { start: number; end: number }[] = [];
  for (const m of text.matchAll(URL_RE)) urls.push({ start: m.index, end: m.index + m[0].length });
  blockTokens(toks, [...placeholders, ...firstPass, ...urls]);
  blockStopPhrases(toks);

  const known = knownNamePattern(knownNames);
  if (known) {
    const spans: { start: number; end: number }[] = [];
    for (const m of text.matchAll(known)) spans.push({ start: m.index, end: m.index + m[0].length });
    for (const t of toks) {
      if (t.kind === 'word' && spans.some((s) => s.start <= t.start && t.end <= s.end)) {
        t.known = true;
        t.blocked = false;
      }
    }
  }

  const addresses: Cand[] = [];
  findAddresses(text, toks, addresses);
  const withAddresses = resolve([...firstPass.map((e) => cand(e.type, text, e.start, e.end)), ...addresses]);
  blockTokens(
    toks.filter((t) => !t.known),
    withAddresses.filter((e) => e.type === 'ADRES'),
  );

  const persons: Cand[] = [];
  findPersons(text, toks, persons);
  const ages: Cand[] = [];
  findAges(text, toks, persons, ages);

  const all = [
    ...withAddresses.map((e) => cand(e.type, text, e.start, e.end)),
    ...persons,
    ...ages,
  ].filter(free);
  return resolve(all);
}

export { ENTITY_TYPES, PLACEHOLDER_RE, type DetectOptions, type Entity, type EntityType } from './entities.ts';
export { fold, isListedNameWord } from './lexicon.ts';
export { isValidBsn, isValidIban } from './bsn-iban.ts';
