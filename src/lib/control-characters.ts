import { WijkwijsError } from './errors.ts';

/**
 * C0 control characters and DEL, except tab and line breaks (\n, and the \r of pasted Windows text):
 * nothing a person types, and a NUL cannot even be stored in PostgreSQL.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_TEXT =
  'Je bericht bevat een onzichtbaar stuurteken (zoals een NUL-teken) dat ik niet verwerk. Typ of plak je tekst opnieuw, zonder dat teken.';

/** Whether a string, or any string or key inside an object or array, holds such a character. */
export function hasControlCharacters(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (Array.isArray(value)) return value.some(hasControlCharacters);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, v]) => CONTROL.test(key) || hasControlCharacters(v));
  return false;
}

/** Refuses input with control characters before anything is searched, stored or sent to a model. */
export function rejectControlCharacters(value: unknown): void {
  if (hasControlCharacters(value)) throw new WijkwijsError('bad_request', CONTROL_CHARACTER_TEXT);
}
