/** Modal submits and closes: a Reply's form (its fields back to the core by name) and the comment with a feedback rating. */
import { handleTurn } from '../../../assistant/handle-turn.ts';
import type { Turn } from '../../../assistant/reply.ts';
import { channelLink } from '../../../teams/channel-links.ts';
import { feedbackMetadataSchema, formMetadataSchema, viewPayloadSchema, viewValues } from '../payloads.ts';
import { formFields, renderNotice, renderReply, VIEW } from '../render.ts';
import { deliver, deliverError, formTarget, renderWithForm, slackPlace, slackUserId, type Register } from '../respond.ts';
import { dropForms } from '../store.ts';
import { replaceSource } from './actions.ts';

export const register: Register = (app, deps) => {
  const { ctx } = deps;
  /** The clicker, answered privately, in the place the form was opened from (and for its team). */
  const formTurn = (body: unknown) => {
    const p = viewPayloadSchema.parse(body);
    const meta = formMetadataSchema.parse(JSON.parse(p.view.private_metadata));
    const workspaceId = p.team?.id ?? p.user.team_id ?? '';
    const turn: Turn = { channel: 'slack', userId: slackUserId(workspaceId, p.user.id), place: slackPlace(workspaceId, meta.channel), teamId: meta.teamId, audience: 'private' };
    return { p, meta, turn, target: formTarget(meta, p.user.id) };
  };

  app.view(VIEW.form, async ({ ack, body, client }) => {
    await ack();
    const { p, meta, turn, target } = formTurn(body);
    try {
      const fields = formFields(viewValues(p.view, 'field:'));
      await dropForms(ctx.db, turn.userId, meta.formId);
      const reply = await handleTurn(ctx, { ...turn, action: { id: meta.submitId, value: meta.formId, fields } });
      if (reply.replacesSource && meta.sourceTs) {
        const teamId = meta.teamId ?? (await channelLink(ctx.db, turn.place))?.teamId;
        return await replaceSource(deps, client, reply, { channel: meta.channel, sourceTs: meta.sourceTs, userId: turn.userId, teamId }, target);
      }
      await deliver(client, target, await renderWithForm(ctx, reply, turn.userId));
    } catch (error) {
      await deliverError(ctx, client, target, error);
    }
  });

  app.view({ callback_id: VIEW.form, type: 'view_closed' }, async ({ ack, body, client }) => {
    await ack();
    const { meta, turn, target } = formTurn(body);
    if (!meta.cancelId) return;
    try {
      await dropForms(ctx.db, turn.userId, meta.formId);
      const reply = await handleTurn(ctx, { ...turn, action: { id: meta.cancelId, value: meta.formId } });
      await deliver(client, target, renderReply(reply));
    } catch (error) {
      await deliverError(ctx, client, target, error);
    }
  });

  app.view(VIEW.feedback, async ({ ack, body, client }) => {
    await ack();
    const p = viewPayloadSchema.parse(body);
    const meta = feedbackMetadataSchema.parse(JSON.parse(p.view.private_metadata));
    const userId = slackUserId(p.team?.id ?? p.user.team_id ?? '', p.user.id);
    const target = { channel: meta.channel, threadTs: meta.threadTs, ephemeralUser: p.user.id };
    try {
      const comment = viewValues(p.view, '').comment;
      const reply = await handleTurn(ctx, { channel: 'slack', userId, audience: 'private', action: { id: `feedback.${meta.rating}`, value: meta.answerId, comment: comment || undefined } });
      await deliver(client, target, renderNotice(reply.text));
    } catch (error) {
      await deliverError(ctx, client, target, error);
    }
  });
};
