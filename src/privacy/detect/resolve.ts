/**
 * Resolving overlaps between candidates from the different detector steps.
 */
import { type Cand, type Entity } from './entities.ts';

/** Keep the strongest candidate where spans overlap: priority first, then length. */
export function resolve(cands: Cand[]): Entity[] {
  const order = [...cands].sort(
    (a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Accepted spans never overlap, so they stay sorted by start; a binary search finds the
  // neighbours a new candidate could collide with.
  const taken: Cand[] = [];
  for (const c of order) {
    if (c.end <= c.start) continue;
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = taken[lo - 1];
    const next = taken[lo];
    if ((prev && prev.end > c.start) || (next && next.start < c.end)) continue;
    taken.splice(lo, 0, c);
  }
  return taken.map(({ type, start, end, text }) => ({ type, start, end, text }));
}
