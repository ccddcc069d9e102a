/**
 * "Vraag een collega": under an answer, the asker hands the question (anonymised) to the colleagues
 * of their team, in the team's channels; whoever solves it clicks "Opgelost". Actions `handoff.…`.
 */
import type { Feature } from '../assistant/feature.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { HANDOFF_REQUEST, HANDOFF_RESOLVE } from './handoff-message.ts';
import { requestHandoff } from './request-handoff.ts';
import { resolveHandoff } from './resolve-handoff.ts';

export const handoffFeature: Feature = {
  actionPrefix: 'handoff',
  async onAction(ctx, turn, action) {
    if (!action.value) throw new WijkwijsError('bad_request', 'Bij deze knop ontbreekt de vraag waar hij over gaat.');
    if (action.id === HANDOFF_REQUEST) return requestHandoff(ctx, turn, action.value);
    if (action.id === HANDOFF_RESOLVE) return resolveHandoff(ctx, turn, action.value);
    throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer).');
  },
  // Only under a real answer, and never under a copy shared in a channel (that has no actions at all).
  answerActions: (_turn, reply) => (reply.answerId && reply.mode !== 'notice' ? [{ id: HANDOFF_REQUEST, label: 'Vraag een collega', value: reply.answerId, description: 'Leg deze vraag zonder persoonsgegevens voor aan je teamgenoten' }] : []),
};
