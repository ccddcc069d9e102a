import { describe, it, expect } from 'vitest';
import { normaliseText, toOriginalSpans } from '../../src/privacy/detect/normalise.ts';
import { anonymise, detectPersonalData, type EntityType } from '../../src/privacy/index.ts';

/** Characters that hide an identifier from a pattern without changing what a reader sees. */
const INVISIBLE: Record<string, string> = {
  'zero-width space': '\u200b',
  'zero-width non-joiner': '\u200c',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  'byte order mark': '\ufeff',
  'soft hyphen': '\u00ad',
};
const SPACES: Record<string, string> = {
  'no-break space': '\u00a0',
  'narrow no-break space': '\u202f',
  'thin space': '\u2009',
  'ideographic space': '\u3000',
};
const LEFTOVER_RE = /[\u00ad\u200b-\u200d\u2060\ufeff\uff01-\uff5e]/;

const wide = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Identifiers written in plain form, the place inside them to hide a character, and their type. */
const IDENTIFIERS: { type: EntityType; before: string; value: string; cut: number; after: string }[] = [
  { type: 'BSN', before: 'Zijn BSN is ', value: '111222333', cut: 4, after: ', zie de beschikking.' },
  { type: 'TELEFOON', before: 'Bel mevrouw op ', value: '06-12345678', cut: 2, after: ' na vijven.' },
  { type: 'IBAN', before: 'Rekening ', value: 'NL91ABNA0417164300', cut: 8, after: ' staat op haar naam.' },
  { type: 'POSTCODE', before: 'Ze woont in ', value: '3512JE', cut: 4, after: ' Utrecht.' },
  { type: 'EMAIL', before: 'Mail ', value: 'p.dekker@voorbeeld.nl', cut: 2, after: ' voor de stukken.' },
];

function expectReplaced(text: string, type: EntityType, start: number, end: number): void {
  const found = detectPersonalData(text).filter((e) => e.type === type);
  expect(found, JSON.stringify(text)).toHaveLength(1);
  // Offsets point into the original text, invisible characters included.
  expect([found[0]!.start, found[0]!.end]).toEqual([start, end]);
  expect(found[0]!.text).toBe(text.slice(start, end));
  const out = anonymise(text).text;
  expect(out, JSON.stringify(out)).not.toMatch(LEFTOVER_RE);
  expect(out).toContain(`[${type}-1]`);
}

describe('invisible characters inside and around identifiers', () => {
  for (const id of IDENTIFIERS) {
    for (const [name, ch] of Object.entries(INVISIBLE)) {
      it(`${id.type} with a ${name} inside`, () => {
        const value = id.value.slice(0, id.cut) + ch + id.value.slice(id.cut);
        const text = id.before + value + id.after;
        expectReplaced(text, id.type, id.before.length, id.before.length + value.length);
      });
      it(`${id.type} with a ${name} on both sides`, () => {
        const text = `${id.before}${ch}${id.value}${ch}${id.after}`;
        expectReplaced(text, id.type, id.before.length, id.before.length + id.value.length + 2);
      });
    }
    it(`${id.type} in full-width digits and letters`, () => {
      const value = wide(id.value);
      expectReplaced(id.before + value + id.after, id.type, id.before.length, id.before.length + value.length);
    });
  }

  it('soft hyphens around the dash of a phone number, and several zero-width spaces in a BSN', () => {
    expectReplaced('Bel 06\u00ad-\u00ad12345678 even.', 'TELEFOON', 4, 17);
    expectReplaced('BSN 111\u200b222\u200b333.', 'BSN', 4, 15);
  });

  it('a no-break or other Unicode space inside a spaced identifier', () => {
    for (const [name, sp] of Object.entries(SPACES)) {
      const phone = `06${sp}1234${sp}5678`;
      expectReplaced(`Haar nummer: ${phone}.`, 'TELEFOON', 13, 13 + phone.length);
      const iban = ['NL91', 'ABNA', '0417', '1643', '00'].join(sp);
      expectReplaced(`IBAN ${iban} (${name}).`, 'IBAN', 5, 5 + iban.length);
      expectReplaced(`Postcode 3512${sp}JE.`, 'POSTCODE', 9, 16);
    }
  });

  it('a name with a zero-width space inside is one person, the same as without', () => {
    const r = anonymise('Mevrouw Jan\u200bsen belde. Toen belde mevrouw Jansen opnieuw.');
    expect(r.text).toBe('Mevrouw [PERSOON-1] belde. Toen belde mevrouw [PERSOON-1] opnieuw.');
  });

  it('one value written with and without hidden characters gets one placeholder', () => {
    const r = anonymise('Bel 06-12345678 of 06\u00ad-12345678, BSN 111222333 of １１１２２２３３３.');
    expect(r.text).toBe('Bel [TELEFOON-1] of [TELEFOON-1], BSN [BSN-1] of [BSN-1].');
  });

  it('maps offsets past characters that fold into two (a ligature before the entity)', () => {
    const text = 'Oﬃcieel: bel 06-12345678.';
    const [e] = detectPersonalData(text);
    expect(e?.text).toBe('06-12345678');
    expect(anonymise(text).text).toBe('Oﬃcieel: bel [TELEFOON-1].');
  });

  it('leaves text without odd characters exactly as it was', () => {
    const text = 'Mevrouw de Boer – ’s ochtends – belde over de huur… en de schuld™.';
    expect(anonymise(text).text).toBe('Mevrouw [PERSOON-1] – ’s ochtends – belde over de huur… en de schuld™.');
  });

  it('absorbs invisible characters next to an entity without swallowing its neighbour', () => {
    // Two spans of the normalised text that touch, with invisible characters between them in the original.
    const original = 'ab\u200b\u200bcd';
    const normalised = normaliseText(original);
    expect(normalised.text).toBe('abcd');
    const spans = toOriginalSpans(normalised, original, [
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(spans).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 6 },
    ]);
  });
});

describe('phone number in brackets', () => {
  it('keeps the brackets outside the entity', () => {
    expect(anonymise('Mevrouw Jansen (06-12345678) belde.').text).toBe('Mevrouw [PERSOON-1] ([TELEFOON-1]) belde.');
    expect(anonymise('Tel (020-1234567).').text).toBe('Tel ([TELEFOON-1]).');
    expect(anonymise('Dochter (+31 6 12345678) regelt het.').text).toBe('Dochter ([TELEFOON-1]) regelt het.');
  });

  it('keeps the bracket of an area code inside', () => {
    expect(anonymise('Bel (0575) 51 23 45 even.').text).toBe('Bel [TELEFOON-1] even.');
  });
});
