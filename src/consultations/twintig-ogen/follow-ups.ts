/** Follow-ups agreed in a meeting: a reminder to the owner on the due date, and the effect recorded later. */
import { z } from 'zod';
import { notice, parseFields } from '../../assistant/feature-kit.ts';
import type { Reply, Turn, TurnAction } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { message, shorten } from './announce-item.ts';
import { anonymiseFields, foundNotice } from './anonymise-fields.ts';
import { storeOutcomeDocument } from './store-outcome.ts';

export const REMIND_JOB = 'twintig.remind-follow-up';
export const followUpKey = (id: string) => `twintig.follow-up:${id}`;
export const effectKey = (id: string) => `twintig.effect:${id}`;
export const EFFECT_SUBMIT = 'twintig.effect-submit';

export async function remindFollowUp(ctx: Context, followUpId: string): Promise<void> {
  const f = await ctx.db.prisma.consultationFollowUp.findUnique({ where: { id: followUpId } });
  if (!f || f.status !== 'open') return;
  await ctx.messenger.send({
    to: { userId: f.ownerId },
    key: followUpKey(f.id),
    reply: message(`Herinnering: vandaag zou je afspraak uit de casusbespreking klaar zijn: "${shorten(f.text, 300)}". In het volgende teamoverleg vragen we wat het heeft opgeleverd.`, [
      { id: 'twintig.effect-open', label: 'Effect vastleggen', value: f.id, style: 'primary' },
    ]),
  });
  ctx.logger.info({ followUpId }, 'follow-up reminder sent');
}

async function ownFollowUp(ctx: Context, turn: Turn, id: string | undefined) {
  const f = id ? await ctx.db.prisma.consultationFollowUp.findUnique({ where: { id } }) : null;
  if (!f) throw new WijkwijsError('not_found', 'Deze afspraak bestaat niet (meer).');
  if (f.ownerId !== turn.userId) throw new WijkwijsError('forbidden', 'Alleen wie de afspraak op zich nam, legt het effect vast.');
  return f;
}

export async function openEffectTurn(ctx: Context, turn: Turn, action: TurnAction, effect = ''): Promise<Reply> {
  const f = await ownFollowUp(ctx, turn, action.value);
  return notice(turn, `Wat heeft de afspraak opgeleverd? "${shorten(f.text, 300)}"`, {
    form: {
      id: f.id,
      title: 'Effect van de afspraak',
      fields: [{ name: 'effect', label: 'Wat heeft het opgeleverd?', value: effect, multiline: true, hint: 'Zonder namen of andere gegevens van de inwoner.' }],
      submit: { id: EFFECT_SUBMIT, label: 'Opslaan' },
    },
  });
}

export async function submitEffectTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const f = await ownFollowUp(ctx, turn, action.value);
  const { effect } = parseFields(z.object({ effect: z.string().trim().min(1, 'Vul in wat de afspraak opleverde.').max(4000, 'Dat is te lang (maximaal 4000 tekens).') }), action, { effect: 'Wat heeft het opgeleverd?' });
  const anonymised = anonymiseFields({ effect });
  // Only a text in which nothing personal is found is stored; otherwise the coach checks the cleaned one.
  if (anonymised.found > 0) {
    return { ...(await openEffectTurn(ctx, turn, action, anonymised.fields.effect)), text: 'Ik heb persoonsgegevens vervangen door een code. Kijk de tekst na en kies Opslaan.', notices: foundNotice(anonymised.found) };
  }
  await ctx.db.prisma.consultationFollowUp.update({ where: { id: f.id }, data: { effect: anonymised.fields.effect, status: 'done' } });
  await storeOutcomeDocument(ctx, f.requestId);
  ctx.logger.info({ followUpId: f.id }, 'follow-up effect recorded');
  return notice(turn, 'Dank je! Het effect staat nu bij de casusbespreking, zodat het team er later van kan leren.');
}
