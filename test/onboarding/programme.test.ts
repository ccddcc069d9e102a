import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgramme, parseModule, readProgramme, MAX_PART_CHARS } from '../../src/onboarding/programme.ts';
import { repoRoot, tempDir } from '../support/context.ts';

const bundled = path.join(repoRoot, 'knowledge', 'onboarding');

const valid = `---
id: proef
title: "Proefmodule"
day: 2
order: 1
sources: ["Eigen bron"]
---

## Deel: Eerste stukje
Een korte tekst.

Lees meer: handboek/werkwijze.md › Zes weken om de hulpvraag te verkennen

## Reflectie
Wat valt je op?

## Quiz

### Vraag: Hoeveel weken?
- [ ] Twee
- [x] Zes
> Uitleg: Het handboek noemt zes weken.

## Opdracht
Bespreek het met je buddy.
`;

describe('onboarding programme', () => {
  it('parses every bundled module into a six-week programme with parts, a reflection and a quiz', () => {
    const programme = readProgramme(bundled);
    expect(programme.modules.length).toBeGreaterThanOrEqual(9);
    expect(new Set(programme.modules.map((m) => m.id)).size).toBe(programme.modules.length);
    const days = programme.modules.map((m) => m.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days[0]).toBe(0);
    expect(Math.max(...days)).toBeGreaterThanOrEqual(25);
    expect(Math.max(...days)).toBeLessThanOrEqual(30);
    for (const m of programme.modules) {
      expect(m.parts.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.parts.length, m.id).toBeLessThanOrEqual(4);
      for (const p of m.parts) {
        expect(p.text.length, `${m.id} › ${p.title}`).toBeLessThanOrEqual(600);
        expect(p.readMore.length, `${m.id} › ${p.title}`).toBeGreaterThanOrEqual(1);
        for (const ref of p.readMore) {
          // Every "Lees meer" names an existing knowledge file and one of its headings.
          const file = readFileSync(path.join(repoRoot, 'knowledge', ref.path), 'utf8');
          expect(file.split('\n').some((line) => line.replace(/^#+\s*/, '') === ref.heading && line.startsWith('#')), `${ref.path} › ${ref.heading}`).toBe(true);
        }
      }
      expect(m.reflection.length).toBeGreaterThan(10);
      expect(m.quiz.length).toBeGreaterThanOrEqual(2);
      expect(m.quiz.length).toBeLessThanOrEqual(3);
      for (const q of m.quiz) {
        expect(q.correct).toBeGreaterThanOrEqual(0);
        expect(q.correct).toBeLessThan(q.options.length);
        expect(q.explanation.length).toBeGreaterThan(10);
      }
      expect(m.task).toMatch(/buddy/i);
      expect(m.sources.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads the documented format: parts, read-more references, quiz answers and explanation', () => {
    const m = parseModule(valid, 'proef.md');
    expect(m).toMatchObject({
      id: 'proef',
      day: 2,
      parts: [{ title: 'Eerste stukje', text: 'Een korte tekst.', readMore: [{ path: 'handboek/werkwijze.md', heading: 'Zes weken om de hulpvraag te verkennen' }] }],
      reflection: 'Wat valt je op?',
      quiz: [{ question: 'Hoeveel weken?', options: ['Twee', 'Zes'], correct: 1, explanation: 'Het handboek noemt zes weken.' }],
      task: 'Bespreek het met je buddy.',
    });
  });

  it.each([
    ['no right answer', valid.replace('- [x] Zes', '- [ ] Zes'), /precies één juist antwoord/],
    ['two right answers', valid.replace('- [ ] Twee', '- [x] Twee'), /precies één juist antwoord/],
    ['no explanation', valid.replace('> Uitleg: Het handboek noemt zes weken.\n', ''), /uitleg/],
    ['an unknown heading', valid.replace('## Reflectie', '## Nadenken'), /onbekend kopje "## Nadenken"/],
    ['a missing day', valid.replace('day: 2\n', ''), /day/],
    ['a broken read-more line', valid.replace('Lees meer: handboek/werkwijze.md › Zes', 'Lees meer: handboek/werkwijze.md Zes'), /Lees meer/],
    ['an overlong part', valid.replace('Een korte tekst.', 'x'.repeat(MAX_PART_CHARS + 1)), /hooguit/],
    ['invalid YAML', valid.replace('day: 2', 'day: [2'), /YAML/],
  ])('rejects a module with %s, naming the file', (_label, text, problem) => {
    expect(() => parseModule(text, '/x/kapot.md')).toThrow(/kapot\.md/);
    expect(() => parseModule(text, '/x/kapot.md')).toThrow(problem);
  });

  it('uses a team folder instead of the default programme, and picks up edits', () => {
    const knowledge = tempDir('wijkwijs-onboarding-');
    cpSync(bundled, path.join(knowledge, 'onboarding'), { recursive: true });
    mkdirSync(path.join(knowledge, 'onboarding', 'team-oost'));
    writeFileSync(path.join(knowledge, 'onboarding', 'team-oost', 'README.md'), '# Ons eigen programma\n');
    writeFileSync(path.join(knowledge, 'onboarding', 'team-oost', '01-proef.md'), valid);

    const own = loadProgramme(knowledge, 'team-oost');
    expect(own.modules.map((m) => m.id)).toEqual(['proef']);
    const standard = loadProgramme(knowledge, 'team-west');
    expect(standard.modules.length).toBeGreaterThanOrEqual(9);
    expect(standard.hash).not.toBe(own.hash);
    // A team id never climbs out of the folder.
    expect(loadProgramme(knowledge, '../onboarding').modules.length).toBe(standard.modules.length);

    writeFileSync(path.join(knowledge, 'onboarding', 'team-oost', '01-proef.md'), valid.replace('title: "Proefmodule"', 'title: "Aangepast"').replace('Een korte tekst.', 'Een iets langere korte tekst.'));
    const edited = loadProgramme(knowledge, 'team-oost');
    expect(edited.modules[0]!.title).toBe('Aangepast');
    expect(edited.hash).not.toBe(own.hash);

    writeFileSync(path.join(knowledge, 'onboarding', 'team-oost', '02-kapot.md'), valid.replace('id: proef', 'id: Kapot Module'));
    expect(() => loadProgramme(knowledge, 'team-oost')).toThrow(/02-kapot\.md.*id/);
  });
});
