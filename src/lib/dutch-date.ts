/** A date as people type it: 2026-04-10 or 10-4-2026; undefined when it is not a real date. */
export function parseDutchDate(text: string | undefined): string | undefined {
  const t = (text ?? '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(t);
  const date = iso ? t : dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : undefined;
  // Date.parse accepts 2026-02-31; the round trip does not.
  return date && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) ? date : undefined;
}
