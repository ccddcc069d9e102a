import { describe, expect, it } from 'vitest';
import { Synonyms } from '../../src/knowledge/synonyms.ts';

describe('synonym groups', () => {
  const synonyms = Synonyms.parse('collega, collegas, duo-collega\nruzie, conflict, ligt overhoop\n# een opmerking\n');

  it('finds a group by a word or a phrase in the text, and names the group’s other terms', () => {
    expect(synonyms.matches('meneer ligt overhoop met de buren')).toEqual([{ found: ['ligt overhoop'], others: ['ruzie', 'conflict'] }]);
    expect(synonyms.expansions('mijn duo-collega is ziek')).toEqual(['collega', 'collegas']);
  });

  it("reads a plural with an apostrophe as one word: \"collega's\" is not \"collega\" and \"s\"", () => {
    expect(synonyms.matches("vragen collega's dat ook?")).toEqual([{ found: ['collegas'], others: ['collega', 'duo-collega'] }]);
  });
});
