/**
 * Slack's own tables: event ids seen (so Slack's retries run once, also across processes) and forms
 * waiting for the click that lets a modal open (Slack needs that click's trigger_id).
 */
import type { ReplyForm } from '../../assistant/reply.ts';
import type { Db } from '../../lib/db.ts';
import { mayOpenForm } from '../../notifications/open-form.ts';

const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;
const FORM_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * True for the first delivery of an event id; false for Slack's retries (X-Slack-Retry-Num) and for
 * a copy another process already took. The primary key decides, not a read-then-write.
 */
export async function claimEvent(db: Db, eventId: string): Promise<boolean> {
  // Plain SQL on this hot path: it runs for every event, before anything else.
  const rows = await db.sql.query(`INSERT INTO "slack_event" ("event_id") VALUES ($1) ON CONFLICT DO NOTHING RETURNING "event_id"`, [eventId]);
  // Forget old ids now and then; Slack retries within minutes.
  if (Math.random() < 0.01) {
    await db.prisma.slackEvent.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - EVENT_MEMORY_MS) } } });
    await db.prisma.slackForm.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - FORM_MEMORY_MS) } } });
  }
  return rows.length === 1;
}

/**
 * Gives up the claim of an event whose answer failed, so Slack's retry of it (same event id) is
 * answered instead of dropped as handled.
 */
export async function releaseEvent(db: Db, eventId: string | undefined): Promise<void> {
  if (eventId) await db.sql.query(`DELETE FROM "slack_event" WHERE "event_id" = $1`, [eventId]);
}

/**
 * Keeps a form until its button is clicked. The owner is a user id, or `team:<id>` for a form in a
 * message the whole team channel sees (e.g. an updated announcement): then any team member may open it.
 */
export async function saveForm(db: Db, owner: string, form: ReplyForm): Promise<string> {
  const row = await db.prisma.slackForm.create({ data: { userId: owner, form: form as object } });
  return row.id;
}

/** The kept form, for someone the core lets open it. */
export async function loadForm(db: Db, id: string, userId: string): Promise<ReplyForm | undefined> {
  const row = await db.prisma.slackForm.findUnique({ where: { id } });
  if (!row || row.createdAt.getTime() < Date.now() - FORM_MEMORY_MS) return undefined;
  return (await mayOpenForm(db.prisma, row.userId, userId)) ? (row.form as unknown as ReplyForm) : undefined;
}

export async function dropForms(db: Db, userId: string, formId: string): Promise<void> {
  // The stored copy is keyed by its own id; the form's id (e.g. a case draft) is inside it.
  await db.prisma.$executeRaw`DELETE FROM "slack_form" WHERE "user_id" = ${userId} AND "form"->>'id' = ${formId}`;
}
