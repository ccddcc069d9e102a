import type { Passage } from '../knowledge/search-passages.ts';
import { anonymise, detectPersonalData, ENTITY_TYPES, type EntityType } from '../privacy/index.ts';

/**
 * What may go to a chat model and what may come back from it. Passages are knowledge documents, and
 * documents can hold personal data and text written to steer a model; answers can hold personal data
 * the model made up. Everything that crosses is anonymised.
 */

/** A passage as the model sees it: its header line and text, anonymised, as one block. */
export interface ModelPassage {
  block: string;
}

/** Sentences that address a language model rather than a coach ("Negeer alle instructies …"). */
const INSTRUCTION_TO_MODEL =
  /\b(negeer|vergeet|overschrijf)\b[^.!?\n]{0,60}\b(instructies?|opdrachten|regels|systeemprompt)\b|\bignore\b[^.!?\n]{0,60}\binstructions?\b|\b(system ?prompt|systeemprompt|jailbreak)\b/i;
const REMOVED_INSTRUCTION = '[tekst gericht aan een taalmodel weggelaten]';

/**
 * Anonymises each passage and numbers its placeholders after those of the question, the
 * conversation and the passages before it: "[PERSOON-1]" in a case passage is someone else than the
 * asker's [PERSOON-1], and only the asker's are filled in again for the asker. Sentences that speak
 * to a model are left out; the rest is fenced as quoted data by the prompt.
 */
export function passagesForModel(passages: Passage[], context: string[]): ModelPassage[] {
  const highest = highestPlaceholders(context);
  return passages.map((p) => {
    const raw = `${p.title} — ${p.location}\n${withoutInstructions(p.text)}`;
    const block = shiftPlaceholders(anonymise(raw).text, highest, () => true);
    raiseHighest(highest, block);
    return { block };
  });
}

function withoutInstructions(text: string): string {
  // Split on sentence ends and line breaks, keeping them, so the passage keeps its layout.
  return text
    .split(/((?<=[.!?])\s+|\n)/)
    .map((part) => (INSTRUCTION_TO_MODEL.test(part) ? REMOVED_INSTRUCTION : part))
    .join('');
}

/** Kinds that point at a person. Dates and ages alone do not, and policy text is full of them. */
const IDENTIFYING: ReadonlySet<EntityType> = new Set(['BSN', 'IBAN', 'TELEFOON', 'EMAIL', 'POSTCODE', 'ADRES', 'PERSOON', 'GEBOORTEDATUM', 'KENTEKEN']);

/**
 * Identifiers in a model's answer that none of the sources holds, counted per kind (counts only: the
 * values are personal data). The model saw only anonymised text, so such an identifier was made up or
 * smuggled in; the answer is not to be trusted.
 */
export function introducedIdentifiers(answer: string, sources: string[]): Partial<Record<EntityType, number>> {
  const words = comparable(sources.join('\n'));
  const characters = words.replace(/[^a-z0-9]/g, '');
  const counts: Partial<Record<EntityType, number>> = {};
  for (const entity of detectPersonalData(answer)) {
    if (!IDENTIFYING.has(entity.type)) continue;
    const value = comparable(entity.text);
    const known = /[a-z]/.test(value) && !/\d/.test(value) ? ` ${words} `.includes(` ${value} `) : characters.includes(value.replace(/[^a-z0-9]/g, ''));
    if (!known) counts[entity.type] = (counts[entity.type] ?? 0) + 1;
  }
  return counts;
}

/** Lowercase, without diacritics, words separated by single spaces. */
function comparable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, ' ').trim();
}

/**
 * Anonymises a model's answer before it is stored or shown. Placeholders it adds are numbered after
 * every placeholder in `context`, so they can never be taken for the asker's own and filled in.
 */
export function anonymiseModelAnswer(answer: string, context: string[]): string {
  const result = anonymise(answer);
  const added = new Set(Object.keys(result.mapping));
  return shiftPlaceholders(result.text, highestPlaceholders([...context, answer]), (placeholder) => added.has(placeholder));
}

function highestPlaceholders(texts: string[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const text of texts) raiseHighest(highest, text);
  return highest;
}

function raiseHighest(highest: Map<string, number>, text: string): void {
  for (const [, type, n] of text.matchAll(PLACEHOLDER_PARTS)) highest.set(type!, Math.max(highest.get(type!) ?? 0, Number(n)));
}

/** A placeholder of anonymise(), with its kind and number. */
const PLACEHOLDER_PARTS = new RegExp(`\\[(${ENTITY_TYPES.join('|')})-(\\d+)\\]`, 'g');

function shiftPlaceholders(text: string, offsets: Map<string, number>, applies: (placeholder: string) => boolean): string {
  return text.replace(PLACEHOLDER_PARTS, (placeholder, type: string, n: string) =>
    applies(placeholder) ? `[${type}-${Number(n) + (offsets.get(type) ?? 0)}]` : placeholder,
  );
}
