import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { anonymise, repersonalise } from '../../src/privacy/index.ts';

describe('anonymise', () => {
  it('replaces every entity with a numbered placeholder and keeps the rest', () => {
    const r = anonymise('Kun je mw. de Boer even bellen op 06-12345678?');
    expect(r.text).toBe('Kun je mw. [PERSOON-1] even bellen op [TELEFOON-1]?');
    expect(r.mapping).toEqual({ '[PERSOON-1]': 'de Boer', '[TELEFOON-1]': '06-12345678' });
    expect(r.entities).toHaveLength(2);
  });

  it('gives the same value the same placeholder, and different values different ones', () => {
    const r = anonymise('Bel 06-12345678 of 0612345678, niet 06-87654321. BSN 111222333 en 628194821; weer 111222333.');
    expect(r.text).toBe('Bel [TELEFOON-1] of [TELEFOON-1], niet [TELEFOON-2]. BSN [BSN-1] en [BSN-2]; weer [BSN-1].');
  });

  it('keeps one number per person across forms of the name', () => {
    const r = anonymise(
      'Mevrouw Fatima El Amrani (72) belde. Later sprak ik mw. El Amrani en daarna Fatima opnieuw. Dhr. Jansen en Piet Jansen zijn dezelfde man; Anna de Vries niet.',
    );
    expect(r.text).toBe(
      'Mevrouw [PERSOON-1] ([LEEFTIJD-1]) belde. Later sprak ik mw. [PERSOON-1] en daarna [PERSOON-1] opnieuw. Dhr. [PERSOON-2] en [PERSOON-2] zijn dezelfde man; [PERSOON-3] niet.',
    );
    expect(r.mapping['[PERSOON-1]']).toBe('Fatima El Amrani');
    expect(r.mapping['[PERSOON-2]']).toBe('Piet Jansen');
  });

  it('links a surname to the most recently mentioned person with that surname', () => {
    const r = anonymise('Piet Jansen en Anna Jansen kwamen. Anna Jansen bleef, en Jansen vertrok toen.');
    expect(r.text).toBe('[PERSOON-1] en [PERSOON-2] kwamen. [PERSOON-2] bleef, en [PERSOON-2] vertrok toen.');
  });

  it('is a no-op on its own output', () => {
    const once = anonymise('Dhr. J.P. de Vries, geboren op 12-03-1950, IBAN NL91 ABNA 0417 1643 00, mail jp.devries@gmail.com.');
    const twice = anonymise(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.entities).toEqual([]);
    expect(twice.mapping).toEqual({});
  });

  it('continues numbering after placeholders already in the text', () => {
    const r = anonymise('[PERSOON-3] belde met Kees Visser over [BSN-1] en 111222333.');
    expect(r.text).toBe('[PERSOON-3] belde met [PERSOON-4] over [BSN-1] en [BSN-2].');
  });

  it('uses knownNames', () => {
    const r = anonymise('vandaag kwam qwertyan langs met haar dochter', { knownNames: ['Qwertyan'] });
    expect(r.text).toBe('vandaag kwam [PERSOON-1] langs met haar dochter');
  });

  it('handles empty and placeholder-only input', () => {
    expect(anonymise('')).toEqual({ text: '', entities: [], mapping: {} });
    expect(anonymise('[ADRES-1]').text).toBe('[ADRES-1]');
  });

  it('is idempotent on every benchmark sentence', () => {
    const file = fileURLToPath(new URL('../../bench/privacy/sentences.jsonl', import.meta.url));
    const texts = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts.length).toBeGreaterThan(300);
    for (const t of texts) {
      const once = anonymise(t).text;
      expect(anonymise(once).text, t).toBe(once);
    }
  });
});

describe('repersonalise', () => {
  it('restores the original text when each placeholder has one form', () => {
    const text = 'Mevrouw El Amrani (72) woont op de Vondellaan 14 in 3521 GE Utrecht. Bel 06-12345678 of mail fatima@example.nl.';
    const r = anonymise(text);
    expect(r.text).not.toContain('Vondellaan');
    expect(repersonalise(r.text, r.mapping)).toBe(text);
  });

  it('puts names back into a model answer and leaves unknown placeholders alone', () => {
    const r = anonymise('Zoon Daan (14) van mevrouw Yilmaz spijbelt.');
    const answer = 'Bespreek met [PERSOON-2] hoe [PERSOON-1] weer naar school kan; [PERSOON-9] is onbekend.';
    expect(repersonalise(answer, r.mapping)).toBe('Bespreek met Yilmaz hoe Daan weer naar school kan; [PERSOON-9] is onbekend.');
  });

  it('shows the fullest form of a person mentioned in several forms', () => {
    const r = anonymise('Piet Jansen belde. Jansen wil een afspraak.');
    expect(repersonalise(r.text, r.mapping)).toBe('Piet Jansen belde. Piet Jansen wil een afspraak.');
  });
});
