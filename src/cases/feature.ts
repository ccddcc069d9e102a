/**
 * Case discussions stored in the team's own collection: "/casus <tekst>" shows the anonymised text
 * in a form, and only the coach's confirmed (and again anonymised) text is stored. Drafts nobody
 * confirmed expire. All actions carry the prefix `case.`.
 */
import type { Feature } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { CASE_CANCEL, CASE_CONFIRM, cancelCaseTurn, confirmCaseTurn, proposeCaseTurn } from './case-turns.ts';

export const casesFeature: Feature = {
  commands: { casus: proposeCaseTurn },
  actionPrefix: 'case',
  async onAction(ctx, turn, action) {
    if (action.id === CASE_CONFIRM) return confirmCaseTurn(ctx, turn, action);
    if (action.id === CASE_CANCEL) return cancelCaseTurn(ctx, turn, action);
    throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer). Stel je vraag gerust opnieuw.');
  },
  async purgeExpired(tx, now) {
    const drafts = await tx.caseDraft.deleteMany({ where: { expiresAt: { lte: now } } });
    return [{ kind: 'caseDrafts', label: 'verlopen casusconcept(en)', count: drafts.count }];
  },
};
