/**
 * Runs every free-text field of a form through the privacy layer. Only the anonymised version is
 * kept; the counts tell the coach what was replaced without repeating it.
 */
import { anonymise } from '../../privacy/index.ts';
import { normaliseTypedText } from '../../lib/typed-text.ts';

export function anonymiseFields<K extends string>(fields: Record<K, string>): { fields: Record<K, string>; found: number } {
  let found = 0;
  const out = {} as Record<K, string>;
  for (const [name, value] of Object.entries(fields) as [K, string][]) {
    const result = anonymise(normaliseTypedText(value));
    found += result.entities.length;
    out[name] = result.text;
  }
  return { fields: out, found };
}

export function foundNotice(found: number): string[] {
  return found
    ? [`Ik heb ${found} ${found === 1 ? 'persoonsgegeven' : 'persoonsgegevens'} vervangen door een code.`]
    : ['Ik vond geen persoonsgegevens. Kijk toch even na of er niets in staat dat naar een inwoner leidt.'];
}
