import { contentWords, stem } from '../src/knowledge/dutch.ts';

export interface Bm25Doc {
  id: string;
  text: string;
}

/**
 * Plain Okapi BM25 (k1 = 1.2, b = 0.75) over Snowball-stemmed Dutch words: the baseline the issue
 * compares against. No synonyms, compounds, vectors or reranking.
 */
export class Bm25 {
  private readonly docs: { id: string; tf: Map<string, number>; length: number }[] = [];
  private readonly df = new Map<string, number>();
  private averageLength = 0;

  constructor(docs: Bm25Doc[]) {
    for (const doc of docs) {
      const tf = new Map<string, number>();
      const terms = contentWords(doc.text).map(stem);
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.push({ id: doc.id, tf, length: terms.length });
    }
    this.averageLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  search(query: string, limit: number): string[] {
    const terms = [...new Set(contentWords(query).map(stem))];
    const n = this.docs.length;
    const scored = this.docs.map((d) => {
      let score = 0;
      for (const t of terms) {
        const f = d.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.length) / this.averageLength));
      }
      return { id: d.id, score };
    });
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => s.id);
  }
}
