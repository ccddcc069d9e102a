import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fold } from './dutch.ts';

/** Groups of equivalent domain terms, read from knowledge/synoniemen.txt (one comma-separated group per line). */
export class Synonyms {
  private readonly groupsByTerm = new Map<string, number>();
  readonly fingerprint: string;

  constructor(readonly groups: string[][]) {
    groups.forEach((group, index) => {
      for (const term of group) this.groupsByTerm.set(term, index);
    });
    this.fingerprint = createHash('sha256').update(JSON.stringify(groups)).digest('hex').slice(0, 8);
  }

  static parse(text: string): Synonyms {
    const groups = text
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean)
      .map((line) => [...new Set(line.split(',').map((t) => fold(t).trim().replace(/\s+/g, ' ')).filter(Boolean))])
      .filter((group) => group.length > 1);
    return new Synonyms(groups);
  }

  static load(file: string): Synonyms {
    return existsSync(file) ? Synonyms.parse(readFileSync(file, 'utf8')) : new Synonyms([]);
  }

  /** The group a single folded term belongs to, as an index usable as a shared feature. */
  groupOf(term: string): number | undefined {
    return this.groupsByTerm.get(term);
  }

  /** Every term equivalent to a phrase found in the folded text, excluding the phrases already there. */
  expansions(foldedText: string): string[] {
    return this.matches(foldedText).flatMap((m) => m.others);
  }

  /** The groups whose terms occur in the folded text: which terms were found and which were not. */
  matches(foldedText: string): { found: string[]; others: string[] }[] {
    // "collega's" is the word "collegas", as the query's words read it, not "collega" and "s".
    const padded = ` ${foldedText.replace(/'s\b/g, 's').replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
    const found = new Map<number, string[]>();
    for (const [term, group] of this.groupsByTerm) {
      if (padded.includes(` ${term} `)) found.set(group, [...(found.get(group) ?? []), term]);
    }
    return [...found].map(([group, terms]) => ({ found: terms, others: this.groups[group]!.filter((t) => !terms.includes(t)) }));
  }
}
