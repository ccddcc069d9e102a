import type { ExpiredRows } from '../../assistant/context.ts';
import { unconfirmedBefore } from '../../assistant/feature-kit.ts';
import type { Transaction } from '../../lib/db.ts';

/** A check never sent: still a draft, or withdrawn before any colleague was asked. */
export async function purgeExpiredDrafts(tx: Transaction, now: Date): Promise<ExpiredRows[]> {
  const drafts = await tx.vierOgenRequest.deleteMany({
    where: { createdAt: { lt: unconfirmedBefore(now) }, OR: [{ status: 'draft' }, { status: 'withdrawn', askedAt: null }] },
  });
  return [{ kind: 'vierOgenDrafts', label: 'vier-ogen check(s)', count: drafts.count }];
}
