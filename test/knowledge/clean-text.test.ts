import { describe, expect, it } from 'vitest';
import { chunkDocument, type ChunkOptions } from '../../src/knowledge/chunk.ts';
import { headingLevel, joinLines, textToBlocks } from '../../src/knowledge/clean-text.ts';
import type { Block, ParsedDocument } from '../../src/knowledge/document.ts';
import { parseMarkdown } from '../../src/knowledge/parse/markdown.ts';
import { parseDocument } from '../../src/knowledge/parse/index.ts';
import { parsePlainText } from '../../src/knowledge/parse/plain-text.ts';
import { WijkwijsError } from '../../src/lib/errors.ts';

/** Blocks without their offsets table, for readable equality checks. */
const plain = (blocks: Block[]) => blocks.map(({ lineOffsets: _offsets, ...b }) => b);

/** Every line followed by a blank line, as some PDF extractors produce; '' in `lines` becomes a double blank. */
const blankAfterEveryLine = (lines: string[]) => lines.flatMap((l) => (l === '' ? [''] : [l, ''])).join('\n');

describe('textToBlocks: repairing PDF-extracted Dutch', () => {
  it('turns tabs, non-breaking spaces and soft hyphens into plain words', () => {
    const [block] = textToBlocks('Het\twijkteam\t\twerkt\u00a0met\u00a0ge\u00adzinnen in de wijk Noord.');
    expect(block).toMatchObject({ kind: 'paragraph', text: 'Het wijkteam werkt met gezinnen in de wijk Noord.', lineStart: 1, lineEnd: 1 });
  });

  it('joins words hyphenated across a line break, but keeps a hyphen before "en"/"of"', () => {
    const raw = [
      'Wij bieden koffie-',
      'en thee aan bij elk huisbezoek en spreken met ge-',
      'zinnen af wat zij zelf kunnen doen, met of zonder bege-',
      'leiding van een vrijwilliger of mantel- of zorgverlener.',
    ].join('\n');
    const blocks = textToBlocks(raw);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text).toBe(
      'Wij bieden koffie- en thee aan bij elk huisbezoek en spreken met gezinnen af wat zij zelf kunnen doen, ' +
        'met of zonder begeleiding van een vrijwilliger of mantel- of zorgverlener.',
    );
    expect(blocks[0]).toMatchObject({ lineStart: 1, lineEnd: 4 });
  });

  it('joinLines reports where each source line starts in the joined text', () => {
    const { text, lineBreaks } = joinLines(['De ge-', 'zinnen krijgen', 'een plan.']);
    expect(text).toBe('De gezinnen krijgen een plan.');
    // "zinnen" starts right after "De ge" (the hyphen is gone), "een" after a space.
    expect(lineBreaks).toEqual([0, 5, 20]);
    expect(text.slice(lineBreaks[1]!, lineBreaks[2]!)).toBe('zinnen krijgen ');
  });

  it('with a blank line after every line, ends paragraphs only at a double blank or a short last line', () => {
    const raw = blankAfterEveryLine([
      'Het wijkteam ondersteunt inwoners bij vragen over zorg, werk,', // 1
      'inkomen en wonen. Wij werken vanuit de leefwereld van de', // 3
      'inwoner en sluiten aan bij wat er al goed gaat in het', // 5
      'gezin.', // 7: short last line
      'De consulent maakt samen met de inwoner een plan en legt', // 9
      'dit vast in het dossier binnen zes weken na de eerste', // 11
      'melding bij het team, zodat iedereen weet wat is afgesproken', // 13
      'en wie welke stap zet in de komende periode van de hulp', // 15: no full stop, ends at the double blank
      '',
      'Het team bespreekt complexe situaties in het wekelijkse', // 18
      'casusoverleg met de gedragswetenschapper en de teamleider', // 20
      'van de wijk, en legt de afspraken vast in het verslag van', // 22
      "het overleg voor alle betrokken collega's in het team.", // 24
    ]);
    const blocks = plain(textToBlocks(raw));
    expect(blocks.map((b) => [b.kind, b.lineStart, b.lineEnd])).toEqual([
      ['paragraph', 1, 7],
      ['paragraph', 9, 15],
      ['paragraph', 18, 24],
    ]);
    expect(blocks[0]!.text).toBe(
      'Het wijkteam ondersteunt inwoners bij vragen over zorg, werk, inkomen en wonen. Wij werken vanuit de leefwereld van de inwoner en sluiten aan bij wat er al goed gaat in het gezin.',
    );
    expect(blocks[1]!.text).toMatch(/^De consulent .* van de hulp$/);
    expect(blocks[2]!.text).toMatch(/^Het team bespreekt .* in het team\.$/);
  });

  it('in ordinary text a single blank line ends a paragraph', () => {
    const blocks = textToBlocks('Eerste alinea over de intake.\n\nTweede alinea over het plan.');
    expect(plain(blocks).map((b) => [b.text, b.lineStart])).toEqual([
      ['Eerste alinea over de intake.', 1],
      ['Tweede alinea over het plan.', 3],
    ]);
  });

  it('drops bare page numbers, "Pagina 3 van 10", "blz. 4" and a running header, keeping line numbers right', () => {
    const header = 'Handboek Wijkteam Noord';
    const raw = [
      header, // 1
      '6 Werkwijze', // 2
      '', // 3
      'Het wijkteam werkt met gezinnen die vragen hebben over opvoeding, geld', // 4
      'en wonen, en spreekt met hen af wat zij zelf kunnen doen.', // 5
      '', // 6
      '12', // 7
      '', // 8
      header, // 9
      '6.1.2 Professionele vrijheid', // 10
      '', // 11
      'Medewerkers mogen afwijken van de standaardroute wanneer de situatie', // 12
      'daarom vraagt, mits zij dit bespreken in het teamoverleg.', // 13
      'Pagina 3 van 10', // 14
      header, // 15
      '- 13 -', // 16
      'Tussenconclusie', // 17
      '', // 18
      'Maatwerk vraagt om lef en om verantwoording achteraf.', // 19
      'blz. 14', // 20
      header, // 21
      header, // 22
    ].join('\n');
    const blocks = plain(textToBlocks(raw));
    expect(blocks).toEqual([
      { kind: 'heading', text: '6 Werkwijze', level: 1, lineStart: 2, lineEnd: 2, page: undefined },
      {
        kind: 'paragraph',
        text: 'Het wijkteam werkt met gezinnen die vragen hebben over opvoeding, geld en wonen, en spreekt met hen af wat zij zelf kunnen doen.',
        level: undefined,
        lineStart: 4,
        lineEnd: 5,
        page: undefined,
      },
      { kind: 'heading', text: '6.1.2 Professionele vrijheid', level: 3, lineStart: 10, lineEnd: 10, page: undefined },
      {
        kind: 'paragraph',
        text: 'Medewerkers mogen afwijken van de standaardroute wanneer de situatie daarom vraagt, mits zij dit bespreken in het teamoverleg.',
        level: undefined,
        lineStart: 12,
        lineEnd: 13,
        page: undefined,
      },
      // An unnumbered heading sits one level under the numbered section it follows.
      { kind: 'heading', text: 'Tussenconclusie', level: 4, lineStart: 17, lineEnd: 17, page: undefined },
      { kind: 'paragraph', text: 'Maatwerk vraagt om lef en om verantwoording achteraf.', level: undefined, lineStart: 19, lineEnd: 19, page: undefined },
    ]);
    expect(blocks.map((b) => b.text).join('\n')).not.toMatch(/Handboek Wijkteam|Pagina|blz|^\d+$/m);
  });

  // BUG (src/knowledge/clean-text.ts, findRunningLines/furnitureKey): running-header detection strips
  // all digits before counting repeats, so content lines that differ only in their numbers — the
  // phone numbers and opening hours of a sociale kaart — count as one "header" and are deleted. In a
  // plain-text file 5 entries suffice; in a PDF of up to 10 pages 3 suffice (parsePdf uses
  // max(3, 30% of pages)). Here every "Telefoon:" and "Open:" line vanishes without a trace.
  it('keeps phone numbers and opening hours of a sociale kaart that differ only in digits', () => {
    const organisations = ['Buurtteam Oost', 'Schuldhulp Zuid', 'Voedselbank Centrum', 'Humanitas Thuisadministratie', 'Sociaal Raadslieden West'];
    const raw = organisations.map((o, i) => `${o}\nTelefoon: 020 555 01${i}${i}\nOpen: maandag t/m vrijdag ${9 + (i % 2)}.00 - 17.00 uur`).join('\n\n');
    const text = textToBlocks(raw).map((b) => b.text).join('\n');
    expect(text).toContain('Telefoon: 020 555 0100');
    expect(text).toContain('Telefoon: 020 555 0144');
  });

  it('keeps a line that occurs only a few times (it is content, not a header)', () => {
    const raw = ['Let op de signalen.', 'Bel de huisarts.', '', 'Let op de signalen.', 'Bel de wijkagent.'].join('\n');
    expect(textToBlocks(raw).map((b) => b.text).join(' ')).toContain('Let op de signalen.');
  });

  it('removes the header lines it is told about (PDF: detected across all pages) and stamps the page', () => {
    const blocks = textToBlocks('Gemeente Zuid – Beleidsregels Wmo 2024\nDe consulent beslist binnen acht weken.', {
      page: 2,
      furniture: new Set(['gemeente zuid – beleidsregels wmo']),
    });
    expect(plain(blocks)).toEqual([
      { kind: 'paragraph', text: 'De consulent beslist binnen acht weken.', level: undefined, lineStart: 2, lineEnd: 2, page: 2 },
    ]);
  });

  it('counts lines from firstLine', () => {
    const blocks = textToBlocks('Eerste alinea.\n\nTweede alinea.', { firstLine: 41 });
    expect(blocks.map((b) => [b.lineStart, b.lineEnd])).toEqual([
      [41, 41],
      [43, 43],
    ]);
  });
});

describe('headingLevel', () => {
  it.each([
    ['6.1.2 Professionele vrijheid', 3],
    ['6.1 Professionele ruimte', 2],
    ['6. Werkwijze', 1],
    ['Hoofdstuk 4 Toegang tot de Wmo', 1],
    ['Tussenconclusie', 1],
    ['Het eerste gesprek', 1],
  ])('%s → level %s', (line, level) => {
    expect(headingLevel(line)).toBe(level);
  });

  it.each([
    'De consulent belt de inwoner terug.', // a sentence
    '• Neem je loonstrook mee', // a bullet
    '1 De inwoner meldt zich bij het wijkteam via de website of telefonisch', // a long numbered list item
    'Postbus 12345', // a number of 3+ digits is an address, not a title
    'het team', // lower case
  ])('%s → not a heading', (line) => {
    expect(headingLevel(line)).toBeUndefined();
  });
});

const textDoc = (raw: string, format: ParsedDocument['format'] = 'text'): ParsedDocument => ({ format, title: 'T', meta: {}, blocks: textToBlocks(raw) });

describe('chunkDocument', () => {
  const options: ChunkOptions = { target: 300, max: 500 };

  it('starts a new passage at every heading and names the heading path, section and lines', () => {
    const raw = [
      '6 Werkwijze', // 1
      '', // 2
      'Het wijkteam werkt outreachend.', // 3
      '', // 4
      '6.1 Eerste gesprek', // 5
      '', // 6
      'Het eerste gesprek vindt bij de inwoner thuis plaats.', // 7
      '', // 8
      '6.1.1 Voorbereiding', // 9
      '', // 10
      'Lees het dossier vooraf.', // 11
      'Bel de inwoner een dag van tevoren.', // 12
      '', // 13
      '7 Afsluiting', // 14
      '', // 15
      'Sluit af met een evaluatie.', // 16
    ].join('\n');
    const chunks = chunkDocument(textDoc(raw), options);
    expect(chunks.map((c) => [c.ord, c.heading, c.location, c.text])).toEqual([
      [0, '6 Werkwijze', '§ 6 Werkwijze, r. 3', 'Het wijkteam werkt outreachend.'],
      [1, '6 Werkwijze › 6.1 Eerste gesprek', '§ 6 Werkwijze › 6.1 Eerste gesprek, r. 7', 'Het eerste gesprek vindt bij de inwoner thuis plaats.'],
      // Only the two innermost headings name a passage.
      [2, '6.1 Eerste gesprek › 6.1.1 Voorbereiding', '§ 6.1 Eerste gesprek › 6.1.1 Voorbereiding, r. 11–12', 'Lees het dossier vooraf.\nBel de inwoner een dag van tevoren.'],
      // A heading at a higher level closes the deeper ones.
      [3, '7 Afsluiting', '§ 7 Afsluiting, r. 16', 'Sluit af met een evaluatie.'],
    ]);
  });

  it('cuts a long paragraph at sentence ends below the maximum, naming the exact lines of each part', () => {
    const sentences = [
      'De consulent plant het eerste gesprek binnen vijf werkdagen na de melding.',
      'Tijdens dat gesprek brengt zij de hulpvraag en het netwerk van de inwoner in kaart.',
      'Zij vraagt door naar geldzorgen, omdat schulden vaak achter andere vragen schuilgaan.',
      'Als er kinderen in het gezin zijn, spreekt zij ook met de ouders over opvoeding.',
      'Het gespreksverslag gaat binnen twee dagen naar de inwoner ter controle.',
      'Daarna stelt het team samen met de inwoner een ondersteuningsplan op.',
      'In het plan staan de doelen, de afspraken en wie welke taak op zich neemt.',
      'Mantelzorgers en buren worden uitgenodigd wanneer de inwoner dat wil.',
      'Bij twijfel over de veiligheid raadpleegt de consulent de aandachtsfunctionaris.',
      'Een melding bij Veilig Thuis wordt altijd eerst in het team besproken.',
      'Het plan wordt na zes weken geëvalueerd en zo nodig bijgesteld.',
      'Als de doelen zijn bereikt, bespreekt het team hoe de begeleiding afbouwt.',
      'De inwoner krijgt een vast aanspreekpunt voor vragen na de afsluiting.',
      'Tot slot legt de consulent de evaluatie vast in het registratiesysteem.',
      'Een klacht over de werkwijze gaat naar de teamleider van het wijkteam.',
      'De teamleider reageert binnen drie weken schriftelijk op de klacht.',
    ];
    // Wrapped at ~70 characters like a PDF page, starting on line 3 after a heading.
    const lines: string[] = [];
    for (const w of sentences.join(' ').split(' ')) {
      if (lines.length && (lines.at(-1)! + ' ' + w).length <= 70) lines[lines.length - 1] += ' ' + w;
      else lines.push(w);
    }
    const raw = ['Afspraken', '', ...lines].join('\n');
    const blocks = textToBlocks(raw);
    expect(blocks.map((b) => [b.kind, b.lineStart, b.lineEnd])).toEqual([
      ['heading', 1, 1],
      ['paragraph', 3, lines.length + 2],
    ]);
    const chunks = chunkDocument({ format: 'text', title: 'T', meta: {}, blocks }, options);

    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(options.max);
      expect(sentences.some((s) => c.text.startsWith(s))).toBe(true); // starts on a sentence
      expect(sentences.some((s) => c.text.endsWith(s))).toBe(true); // and ends on one
      expect(c.heading).toBe('Afspraken');
    }
    // Nothing lost, nothing doubled.
    expect(chunks.map((c) => c.text).join(' ')).toBe(sentences.join(' '));

    // Each location names lines that really hold the start and the end of that part.
    const ranges = chunks.map((c) => {
      const m = /^§ Afspraken, r\. (\d+)(?:–(\d+))?$/.exec(c.location);
      expect(m, c.location).not.toBeNull();
      return [Number(m![1]), Number(m![2] ?? m![1])] as const;
    });
    expect(ranges[0]![0]).toBe(3);
    expect(ranges.at(-1)![1]).toBe(lines.length + 2);
    chunks.forEach((c, i) => {
      const [from, to] = ranges[i]!;
      expect(lines[from - 3]).toContain(c.text.split(' ').slice(0, 2).join(' '));
      expect(lines[to - 3]).toContain(c.text.split(' ').at(-1)!);
      if (i > 0) expect(from).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    });
  });

  it('closes a passage once it reaches the target at a paragraph boundary (text and PDF)', () => {
    const para = (n: number) => `Alinea ${n} beschrijft hoe de consulent samen met de inwoner het plan opstelt en bijhoudt in het dossier.`;
    const raw = [1, 2, 3, 4, 5, 6].map(para).join('\n\n');
    const chunks = chunkDocument(textDoc(raw), { target: 200, max: 500 });
    expect(chunks.map((c) => c.location)).toEqual(['r. 1–3', 'r. 5–7', 'r. 9–11']);
    expect(chunks[0]!.text).toBe([para(1), para(2)].join('\n'));
  });

  it('names the page of a PDF passage, or the page range when it runs over a page break', () => {
    const page1 = textToBlocks('3 Schuldhulp\n\nBij problematische schulden verwijst de consulent door.', { page: 1 });
    const page2 = textToBlocks('Het eerste gesprek volgt binnen vijf werkdagen.', { page: 2 });
    const page3 = textToBlocks('4 Afschalen\n\nBespreek het afbouwen van de begeleiding.', { page: 3 });
    const chunks = chunkDocument({ format: 'pdf', title: 'Handboek', meta: {}, blocks: [...page1, ...page2, ...page3] }, options);
    expect(chunks.map((c) => [c.heading, c.location])).toEqual([
      ['3 Schuldhulp', '§ 3 Schuldhulp, p. 1–2'],
      ['4 Afschalen', '§ 4 Afschalen, p. 3'],
    ]);
  });

  it('names the paragraph numbers of a DOCX passage', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'Voorbereiding' },
      { kind: 'paragraph', text: 'Lees het dossier.', paragraph: 1 },
      { kind: 'paragraph', text: 'Bel de inwoner.', paragraph: 2 },
      { kind: 'heading', level: 2, text: 'Na afloop' },
      { kind: 'paragraph', text: 'Maak een verslag.', paragraph: 3 },
    ];
    const chunks = chunkDocument({ format: 'docx', title: 'Protocol', meta: {}, blocks }, options);
    expect(chunks.map((c) => c.location)).toEqual(['§ Voorbereiding, alinea 1–2', '§ Na afloop, alinea 3']);
  });

  it('keeps a Markdown section in one passage past the target, and adds the front-matter page', () => {
    const para = (n: number) => `Alinea ${n} van de sectie over het huisbezoek, met genoeg woorden om de doelgrootte te halen.`;
    const raw = ['---', 'page: 14', '---', '# Huisbezoek', '', '## Veiligheid', '', para(1), '', para(2), '', para(3), '', para(4)].join('\n');
    const doc = parseMarkdown(raw, 'x');
    const chunks = chunkDocument(doc, { target: 150, max: 1000 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ heading: 'Veiligheid', location: '§ Veiligheid, p. 14' });
    expect(chunks[0]!.text).toBe([1, 2, 3, 4].map(para).join('\n'));
  });

  it('describes a document without headings or lines as a whole', () => {
    const chunks = chunkDocument({ format: 'docx', title: 'T', meta: {}, blocks: [{ kind: 'paragraph', text: 'Los.' }] }, options);
    expect(chunks[0]!.location).toBe('hele document');
  });
});

describe('parseMarkdown', () => {
  const file = [
    '---', // 1
    'title: Veilig op huisbezoek', // 2
    'type: methode', // 3
    'source: Werkboek Veiligheid in de wijk (2023)', // 4
    'page: 14', // 5
    'datum: 2024-03-01', // 6
    '---', // 7
    '> **Voorbeeldinhoud** — niet gebruiken in de praktijk.', // 8
    '', // 9
    '# Huisbezoek in de wijk', // 10
    '', // 11
    'Een huisbezoek is de [gewoonste](https://example.org) manier om kennis te maken.', // 12
    'Het duurt meestal een *uur*.', // 13
    '', // 14
    '## Huisdieren', // 15
    '', // 16
    'Vraag bij een agressieve hond of de eigenaar het dier **opsluit**.', // 17
    '', // 18
    '```', // 19
    '# geen kop in een codeblok', // 20
    '```', // 21
  ].join('\n');

  it('reads title, type, source and page from the front matter', () => {
    const doc = parseMarkdown(file, 'veilig-op-huisbezoek');
    expect(doc).toMatchObject({ format: 'markdown', title: 'Veilig op huisbezoek', type: 'methode', source: 'Werkboek Veiligheid in de wijk (2023)' });
    expect(doc.meta).toMatchObject({ title: 'Veilig op huisbezoek', page: 14 });
  });

  // BUG (src/knowledge/parse/markdown.ts, jsonSafe): the JSON.stringify replacer tests
  // `v instanceof Date`, but JSON.stringify calls Date#toJSON *before* the replacer sees the value,
  // so the replacer only ever gets the ISO string and a front-matter date is stored in document.meta
  // as "2024-03-01T00:00:00.000Z" instead of the intended "2024-03-01". Fix: inspect `this[k]` in a
  // `function` replacer, or convert Dates in a recursive walk before stringifying.
  it('stores a front-matter date as YYYY-MM-DD (jsonSafe intent)', () => {
    expect(parseMarkdown(file, 'x').meta.datum).toBe('2024-03-01');
  });

  it('drops the banner above the H1 and the H1 itself, strips inline markup, and keeps file line numbers', () => {
    const doc = parseMarkdown(file, 'x');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Een huisbezoek is de gewoonste manier om kennis te maken.\nHet duurt meestal een uur.', lineStart: 12, lineEnd: 13 },
      { kind: 'heading', level: 2, text: 'Huisdieren', lineStart: 15, lineEnd: 15 },
      { kind: 'paragraph', text: 'Vraag bij een agressieve hond of de eigenaar het dier opsluit.', lineStart: 17, lineEnd: 17 },
      // A "#" line inside a code fence is not a heading (the fence markers themselves get mangled by
      // the inline-code rule, which does not matter for search).
      expect.objectContaining({ kind: 'paragraph', lineStart: 19, lineEnd: 21, text: expect.stringContaining('# geen kop in een codeblok') }),
    ]);
    const chunks = chunkDocument(doc, { target: 800, max: 1400 });
    expect(chunks.map((c) => c.location)).toEqual(['p. 14, r. 12–13', '§ Huisdieren, p. 14']);
    expect(chunks.map((c) => c.text).join('\n')).not.toContain('Voorbeeldinhoud');
  });

  it('takes the title from the H1, then from the file name', () => {
    expect(parseMarkdown('# Werken met de sociale kaart\n\nTekst.', 'sociale kaart').title).toBe('Werken met de sociale kaart');
    const noHeading = parseMarkdown('Alleen een alinea.\n\nEn nog een.', 'losse notitie');
    expect(noHeading.title).toBe('losse notitie');
    expect(noHeading.blocks).toHaveLength(2); // nothing is dropped without an H1
  });

  it('rejects YAML that does not parse, with a Dutch message', () => {
    const bad = '---\ntitle: "Niet afgesloten\ntype: [methode\n---\n# Kop\n\nTekst over bezwaar en beroep.\n';
    expect(() => parseMarkdown(bad, 'x')).toThrow(WijkwijsError);
    expect(() => parseMarkdown(bad + '\n', 'x')).toThrow(/geen geldige YAML/);
  });

  it('rejects an unknown type or an empty title in the front matter, naming the field', () => {
    expect(() => parseMarkdown('---\ntype: recept\n---\n# Kop\n\nTekst.', 'x')).toThrow(/^unreadable_file: Ongeldige front matter: type: /);
    expect(() => parseMarkdown('---\ntitle: "  "\n---\n# Kop\n\nTekst.', 'x')).toThrow(/Ongeldige front matter: title: /);
  });
});

describe('parseDocument and plain text', () => {
  it('refuses an unsupported extension with a Dutch message that lists what works', async () => {
    const error = await parseDocument('/x/begroting.xlsx', new Uint8Array([80, 75, 3, 4])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WijkwijsError);
    expect(error).toMatchObject({
      code: 'unsupported_format',
      userMessage: 'Bestandstype .xlsx wordt niet ondersteund. Gebruik .md, .markdown, .txt, .text, .pdf, .docx.',
    });
  });

  it('reads Windows-1252/Latin-1 text that is not valid UTF-8', async () => {
    const latin1 = Uint8Array.from(Buffer.from('Cliëntondersteuning\n\nDe cliënt krijgt een café-bon.', 'latin1'));
    const doc = await parseDocument('/x/oud_bestand.txt', latin1);
    expect(doc.title).toBe('Cliëntondersteuning');
    expect(doc.blocks.map((b) => b.text)).toContain('De cliënt krijgt een café-bon.');
  });

  it('guesses a plain-text title from the first heading-like line, else the file name', () => {
    expect(parsePlainText('Spreekuur Geldzaken Oost\n\nElke dinsdag open.', 'f').title).toBe('Spreekuur Geldzaken Oost');
    expect(parsePlainText('Elke dinsdag is het spreekuur open in het wijkcentrum.', 'spreekuur oost').title).toBe('spreekuur oost');
  });
});
