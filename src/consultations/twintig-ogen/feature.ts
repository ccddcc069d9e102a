/**
 * Twintig-ogen consultations: the team rhythm (`/teamritme`), requests (`/twintigogen`), the agenda
 * with RSVPs, extra-session polls, and recording the outcome as a casusbespreking. All actions
 * carry the prefix `twintig.`.
 */
import type { Feature } from '../../assistant/context.ts';
import { unknownButton } from '../../assistant/feature-kit.ts';
import type { Reply, Turn, TurnAction } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { RHYTHM_SAVE, rhythmCommand, saveRhythmTurn } from '../rhythm/rhythm-turns.ts';
import { approveItem, moveItem, reorderItem, rsvpItem, withdrawItem } from './change-item.ts';
import { EFFECT_SUBMIT, openEffectTurn, submitEffectTurn } from './follow-ups.ts';
import { TWINTIG_JOBS } from './jobs.ts';
import { cancelOutcomeTurn, confirmOutcomeTurn, OUTCOME_CANCEL, OUTCOME_CONFIRM, OUTCOME_SUBMIT, openOutcomeTurn, submitOutcomeTurn } from './record-outcome.ts';
import { REQUEST_CANCEL, REQUEST_CONFIRM, REQUEST_SUBMIT } from './request-forms.ts';
import { cancelRequestTurn, confirmRequestTurn, startRequestTurn, submitRequestTurn } from './request-turns.ts';
import { closePollNow, votePoll } from './vote-poll.ts';
import { twintigOgenOverview } from './overview.ts';
import { purgeExpiredDrafts } from './purge-expired-drafts.ts';

/** Opens the request form; offered as a button under answers in a team's conversation. */
export const START_ACTION = 'twintig.start';

const ACTIONS: Record<string, (ctx: Context, turn: Turn, action: TurnAction) => Promise<Reply>> = {
  [START_ACTION]: (ctx, turn) => startRequestTurn(ctx, turn),
  [REQUEST_SUBMIT]: submitRequestTurn,
  [REQUEST_CONFIRM]: confirmRequestTurn,
  [REQUEST_CANCEL]: cancelRequestTurn,
  'twintig.rsvp': (ctx, turn, a) => rsvpItem(ctx, turn, a.value),
  'twintig.withdraw': (ctx, turn, a) => withdrawItem(ctx, turn, a.value),
  'twintig.move': (ctx, turn, a) => moveItem(ctx, turn, a.value),
  'twintig.approve': (ctx, turn, a) => approveItem(ctx, turn, a.value),
  'twintig.up': (ctx, turn, a) => reorderItem(ctx, turn, a.value, -1),
  'twintig.down': (ctx, turn, a) => reorderItem(ctx, turn, a.value, 1),
  'twintig.vote': (ctx, turn, a) => votePoll(ctx, turn, a.value),
  'twintig.close-poll': (ctx, turn, a) => closePollNow(ctx, turn, a.value),
  'twintig.outcome-open': openOutcomeTurn,
  [OUTCOME_SUBMIT]: submitOutcomeTurn,
  [OUTCOME_CONFIRM]: confirmOutcomeTurn,
  [OUTCOME_CANCEL]: cancelOutcomeTurn,
  'twintig.effect-open': (ctx, turn, a) => openEffectTurn(ctx, turn, a),
  [EFFECT_SUBMIT]: submitEffectTurn,
  [RHYTHM_SAVE]: saveRhythmTurn,
};

export const twintigOgenFeature: Feature = {
  overview: twintigOgenOverview,
  commands: {
    teamritme: rhythmCommand,
    twintigogen: (ctx, turn, args) => startRequestTurn(ctx, turn, args),
  },
  actionPrefix: 'twintig',
  async onAction(ctx, turn, action) {
    const handler = ACTIONS[action.id];
    if (!handler) throw unknownButton();
    return handler(ctx, turn, action);
  },
  // The question is not copied into the form: it has not been through the requester's privacy check.
  answerActions: (turn) => (turn.teamId ? [{ id: START_ACTION, label: 'Bespreek in het team (twintig ogen)', value: '' }] : []),
  jobs: TWINTIG_JOBS,
  purgeExpired: purgeExpiredDrafts,
};
