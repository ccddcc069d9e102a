/**
 * What every feature needs to answer a turn, written once: a reply to the turn, the team the user
 * acts for (with one refusal for all features), a submitted form's fields and a button's value, and
 * jobs that receive the full Context.
 */
import type { z } from 'zod';
import type { JobDefinition } from '../jobs/job.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { requireActingTeam } from '../teams/membership.ts';
import type { Context } from './context.ts';
import { noticeReply, type Reply, type ReplyForm, type ReplyFormField, type Turn, type TurnAction } from './reply.ts';

/** A plain reply in the turn's conversation: a confirmation, a form, a refusal with a way out. */
export function notice(turn: Turn, text: string, extra: Partial<Reply> = {}): Reply {
  return noticeReply(text, { ...extra, conversationId: turn.conversationId ?? '' });
}

/** The team the user acts for in this conversation (see `requireActingTeam`), or the shared refusal. */
export function actingTeam(ctx: Context, turn: Turn): Promise<string> {
  return requireActingTeam(ctx.db.prisma, turn.userId, turn.teamId);
}

// Stands in for zod's English default messages, so they can be told from a schema's own Dutch ones.
const UNWORDED = 'unworded';

/**
 * The fields of a submitted form, checked by `schema`. A Dutch message the schema gives is shown as
 * it is; any other problem names the fields by their label in the form (`labels`, by field name).
 */
export function parseFields<T>(schema: z.ZodType<T>, action: TurnAction, labels: Record<string, string> = {}): T {
  const parsed = schema.safeParse(action.fields ?? {}, { error: () => UNWORDED });
  if (parsed.success) return parsed.data;
  const worded = parsed.error.issues.find((issue) => issue.message !== UNWORDED);
  if (worded) throw new WijkwijsError('bad_request', worded.message);
  const names = [...new Set(parsed.error.issues.map((issue) => labels[String(issue.path[0])] ?? String(issue.path[0])))];
  throw new WijkwijsError('bad_request', `Controleer deze velden in het formulier: ${names.join(', ')}.`);
}

/** A form field with a fixed set of choices, `{ value: label }` in the order shown; the first is chosen unless `value` says otherwise. */
export function selectField(name: string, label: string, choices: Record<string, string>, extra: Partial<ReplyFormField> = {}): ReplyFormField {
  const options = Object.entries(choices).map(([value, text]) => ({ value, label: text }));
  return { name, label, value: options[0]?.value ?? '', kind: 'select', options, ...extra };
}

/** A form's field labels by name, for `parseFields`. */
export function fieldLabels(form: ReplyForm): Record<string, string> {
  return Object.fromEntries(form.fields.map((field) => [field.name, field.label]));
}

/** The value a button carries (the id of what it is about), e.g. `buttonValue(action, 'de aanvraag')`. */
export function buttonValue(action: TurnAction, subject = ''): string {
  const value = action.value;
  if (!value || value.length > 200) {
    throw new WijkwijsError('bad_request', `Bij deze knop ontbreekt ${subject ? `${subject} ` : ''}waar hij over gaat.`);
  }
  return value;
}

/**
 * How long a text that the coach never confirmed may wait. A draft is meant to be checked right
 * away; a day and a half still lets a coach finish a draft from the end of yesterday, and with the
 * purge running every six hours an unconfirmed text is gone within two days.
 */
export const UNCONFIRMED_DRAFT_HOURS = 36;

/** Drafts last touched before this moment have waited too long (see `Feature.purgeExpired`). */
export function unconfirmedBefore(now: Date): Date {
  return new Date(now.getTime() - UNCONFIRMED_DRAFT_HOURS * 3_600_000);
}

/** The refusal for a button id a feature does not (or no longer) know, e.g. from an old message. */
export function unknownButton(): WijkwijsError {
  return new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer).');
}

/** A job of a feature; its handler gets the whole Context. */
export function defineJob<P>(definition: JobDefinition<P, Context>): JobDefinition<P, Context> {
  return definition;
}
