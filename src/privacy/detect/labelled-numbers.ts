/**
 * Numbers that identify a resident through the label in front of them: passport, identity card
 * and driving licence numbers, the V-nummer (vreemdelingennummer), and the client and file
 * numbers agencies give a resident ("cliëntnummer 123456", "dossiernr. AB-12345").
 *
 * Without a label such numbers look like any other code, so they are not searched for on their own.
 * Numbers of organisations (KvK, AGB, BIG, btw) have no label here and stay.
 */
import { type Cand, type EntityType, cand } from './entities.ts';

const NR = '(?:nummer|nr\\.?)';
const LABELS: { type: EntityType; re: string }[] = [
  { type: 'VNUMMER', re: `v-?${NR}|vreemdelingen-?${NR}` },
  {
    type: 'DOCUMENTNUMMER',
    re: `paspoort(?:-?${NR})?|document-?${NR}|id-?kaart(?:-?${NR})?|identiteitskaart(?:-?${NR})?|identiteitsbewijs(?:-?${NR})?|rijbewijs(?:-?${NR})?|verblijfs(?:document|pas|vergunning)(?:-?${NR})?`,
  },
  {
    type: 'DOSSIERNUMMER',
    re: `(?:cli[eë]nt|klant|dossier|zaak|relatie|registratie|polis|debiteur|lid|aanvraag|meldings?|contract|huurder|pas)-?${NR}|regnr\\.?|kenmerk|(?:zaak|dossier)(?= \\p{N})`,
  },
];
const LABEL_RE = new RegExp(LABELS.map((l) => `(${l.re})`).join('|'), 'giu');
const GAP_RE = /\s*[:#]?\s*/y;
/** A code of letters and digits with dashes, dots or slashes inside; digit groups may be spaced. */
const VALUE_RE = /\p{N}+(?: \p{N}+)+(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)*(?![\p{L}\p{N}])/uy;

function fits(type: EntityType, value: string): boolean {
  const compact = value.replace(/[-./ ]/g, '');
  const digits = compact.replace(/\D/g, '').length;
  if (type === 'VNUMMER') return /^\d{10}$/.test(compact);
  if (type === 'DOCUMENTNUMMER') return compact.length >= 6 && compact.length <= 12 && digits >= 1 && /^[\p{L}\p{N}]+$/u.test(compact);
  return compact.length >= 4 && compact.length <= 24 && digits >= 3;
}

export function findLabelledNumbers(text: string, out: Cand[]): void {
  for (const m of text.matchAll(LABEL_RE)) {
    if (/[\p{L}\p{N}]/u.test(text[m.index - 1] ?? '')) continue;
    const type = LABELS[m.slice(1).findIndex((g) => g !== undefined)]!.type;
    const labelEnd = m.index + m[0].length;
    if (/[\p{L}\p{N}]/u.test(text[labelEnd] ?? '') && !text.slice(m.index, labelEnd).endsWith('.')) continue;
    // Up to five words may stand between the label and the number: "zaaknummer van de gemeente is Z-2024-0045".
    for (let pos = labelEnd, words = 0; words <= 5; words++) {
      GAP_RE.lastIndex = pos;
      const start = GAP_RE.exec(text) ? GAP_RE.lastIndex : pos;
      VALUE_RE.lastIndex = start;
      const v = VALUE_RE.exec(text);
      if (!v) break;
      if (fits(type, v[0])) {
        out.push(cand(type, text, start, start + v[0].length));
        break;
      }
      // Only words without digits may stand between a label and its number.
      if (/\p{N}/u.test(v[0]) || /[.,;!?()]/.test(text.slice(pos, start))) break;
      pos = start + v[0].length;
    }
  }
}
