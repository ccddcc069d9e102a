/**
 * "Vraag een collega": under an answer, the asker hands the question (anonymised) to the colleagues
 * of their team, in the team's channels; whoever solves it clicks "Opgelost". Actions `handoff.…`.
 */
import type { Feature } from '../assistant/context.ts';
import { buttonValue, unknownButton } from '../assistant/feature-kit.ts';
import { HANDOFF_REQUEST, HANDOFF_RESOLVE } from './handoff-message.ts';
import { handoffOverview } from './overview.ts';
import { requestHandoff } from './request-handoff.ts';
import { resolveHandoff } from './resolve-handoff.ts';

export const handoffFeature: Feature = {
  actionPrefix: 'handoff',
  async onAction(ctx, turn, action) {
    const id = buttonValue(action, 'de vraag');
    if (action.id === HANDOFF_REQUEST) return requestHandoff(ctx, turn, id);
    if (action.id === HANDOFF_RESOLVE) return resolveHandoff(ctx, turn, id);
    throw unknownButton();
  },
  overview: handoffOverview,
  // Only under a real answer, and never under a copy shared in a channel (that has no actions at all).
  answerActions: (_turn, reply) => (reply.answerId && reply.mode !== 'notice' ? [{ id: HANDOFF_REQUEST, label: 'Vraag een collega', value: reply.answerId, description: 'Vraag een collega: leg deze vraag zonder persoonsgegevens voor aan je teamgenoten' }] : []),
};
