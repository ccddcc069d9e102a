import { describe, expect, it } from 'vitest';
import type { SalientConcept } from '../../src/assistant/question-analysis.ts';
import { analyseQuestion } from '../../src/assistant/question-analysis.ts';
import { GENERAL_GUIDANCE, splitUnits } from '../../src/assistant/quotable-units.ts';
import { chooseSentences } from '../../src/assistant/sentence-choice.ts';
import { stem } from '../../src/knowledge/dutch.ts';
import type { Passage } from '../../src/knowledge/search-passages.ts';

const passage = (text: string, heading = 'Kopje', title = 'Titel'): Passage => ({
  id: heading, source: 'knowledge/x.md', title, location: `§ ${heading}`, type: 'handboek', score: 1, text, heading, reference: null, teamId: null,
});
const concept = (asked: string, weight = 1, focus = false): SalientConcept => ({ index: 0, asked, weight, forms: [[stem(asked)]], focus, context: false });
const texts = (text: string) => splitUnits(text).map((u) => u.text);

describe('quotable units', () => {
  it('never quotes a table row, a question, a fragment, a source line or a cross-reference', () => {
    const units = texts(
      [
        '| route | wanneer |',
        'Wat doe je als de inwoner niet thuis is?',
        'Een losse opmerking;',
        'Zie ook "Drie routes".',
        'Bron: Handboek voor de Wijkcoach (2019), p. 25.',
        'De wijkcoach heeft zes weken om de hulpvraag te verkennen.',
      ].join('\n'),
    );
    expect(units).toEqual(['De wijkcoach heeft zes weken om de hulpvraag te verkennen.']);
  });

  it('quotes a sentence that points back only together with the one before it', () => {
    expect(texts('Er komt een afspraak. Dat gesprek vindt plaats bij de inwoner thuis.')).toEqual([
      'Er komt een afspraak. Dat gesprek vindt plaats bij de inwoner thuis.',
    ]);
    // With nothing before it to point at, it is not quoted at all.
    expect(texts('Dat gesprek vindt plaats bij de inwoner thuis.')).toEqual([]);
    expect(texts('Wijs je een aanvraag af, dan volgt een beschikking. Een mondelinge nee is dus niet genoeg.')).toHaveLength(1);
  });

  it('keeps a list together with the line that introduces it', () => {
    expect(texts('Vraag een vier-ogen check aan vóórdat je:\n• een indicatie afgeeft;\n• een aanvraag afwijst.')).toEqual([
      'Vraag een vier-ogen check aan vóórdat je: een indicatie afgeeft; een aanvraag afwijst.',
    ]);
  });

  it("answers the source's own question with the sentence after it", () => {
    const [unit] = splitUnits('Ziet de coach een stapel ongeopende post? Dan is de formulierenhulp de eerste stap.');
    expect(unit).toMatchObject({ text: 'Dan is de formulierenhulp de eerste stap.', answers: 'Ziet de coach een stapel ongeopende post?' });
  });

  it('skips sentences that only say the source is silent or describe the page', () => {
    expect(texts('Het handboek zegt niet hoe lang die verlenging mag duren. Deze pagina beschrijft de werkwijze van het team.')).toEqual([]);
  });

  it('marks general guidance that the passage labels, but not sentences that name their source', () => {
    const units = splitUnits(
      'Volgens het handboek duurt eigen ondersteuning maximaal 4 maanden.\nPlan halverwege een korte evaluatie met de inwoner.\n(Algemene richtlijn, niet uit de bronnen.)',
    );
    expect(units.map((u) => u.general)).toEqual([false, true]);
    expect(splitUnits(`Spreek een einddatum af met de inwoner. ${GENERAL_GUIDANCE}`)[0]!.general).toBe(true);
  });
});

describe('sentence choice', () => {
  it('leads a "hoe lang" question with the sentence that holds the duration', () => {
    const analysis = analyseQuestion('Hoe lang heb ik om de hulpvraag te verkennen?');
    const choice = chooseSentences(analysis, [concept('hulpvraag', 2), concept('verkennen')], [
      passage('In de verkenning vraag je naar alle levensgebieden van de hulpvraag. Het handboek geeft de wijkcoach zes weken om de hulpvraag te verkennen.'),
    ]);
    expect(choice.lead[0]!.text).toMatch(/zes weken/);
  });

  it('prefers the sentence that names what the heading does not already say', () => {
    const analysis = analyseQuestion('Kan de formulierenbrigade ook helpen met bezwaar?');
    const choice = chooseSentences(analysis, [concept('formulierenbrigade', 3), concept('bezwaar', 2)], [
      passage('De formulierenbrigade helpt bij het invullen van formulieren en post. Gaat het om een bezwaar, dan verwijs je naar de sociale raadslieden.', 'Formulierenbrigade: hulp bij formulieren'),
    ]);
    expect(choice.lead[0]!.text).toMatch(/sociale raadslieden/);
  });

  it('does not repeat what the previous answer said, and adds at most two supporting points', () => {
    const analysis = analyseQuestion('en verlengen?');
    const text = 'Je mag de ondersteuning één keer verlengen. Verlengen doe je na overleg. Bij verlengen noteer je de reden. Verlengen kan ook met een collega.';
    const choice = chooseSentences(analysis, [concept('verlengen')], [passage(text)], ['Je mag de ondersteuning één keer verlengen. [1]']);
    expect(choice.lead.map((s) => s.text).join(' ')).not.toMatch(/één keer/);
    expect(choice.support.length).toBeLessThanOrEqual(2);
  });

  it('finds no lead in a passage that only mentions the question in passing', () => {
    const analysis = analyseQuestion('hoe zet ik teams op mijn telefoon?');
    const choice = chooseSentences(analysis, [concept('telefoon')], [passage('Deelnemers zetten hun telefoon weg tijdens de bespreking.', 'Voorbereiding', 'Intervisie')]);
    expect(choice.lead).toEqual([]);
  });
});
