/**
 * Calendar apps cannot sign in, and coaches in Slack or Teams have no web token: each team's
 * calendar gets a secret link instead, as Google and Outlook do for their own feeds. The key is an
 * HMAC of the team id with a secret kept in the database, so it needs no table of its own and a
 * leaked link opens one team's meeting calendar only (dilemma and question, never a case summary).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from '../../context.ts';
import type { Db } from '../../lib/db.ts';

const SECRET_SETTING = 'calendar.secret';

/** Read once per database: every announcement and agenda builds links with it. */
const secrets = new WeakMap<Db, Promise<string>>();

function calendarSecret(ctx: Context): Promise<string> {
  let secret = secrets.get(ctx.db);
  if (!secret) {
    secret = loadSecret(ctx.db);
    secrets.set(ctx.db, secret);
    secret.catch(() => secrets.delete(ctx.db));
  }
  return secret;
}

async function loadSecret({ prisma }: Db): Promise<string> {
  // Two processes may create it at once: the first insert wins and both read that one.
  await prisma.setting.createMany({ data: [{ key: SECRET_SETTING, value: randomBytes(32).toString('base64url') }], skipDuplicates: true });
  const row = await prisma.setting.findUniqueOrThrow({ where: { key: SECRET_SETTING } });
  return String(row.value);
}

export async function calendarKey(ctx: Context, teamId: string): Promise<string> {
  return createHmac('sha256', await calendarSecret(ctx)).update(`team:${teamId}`).digest('base64url').slice(0, 32);
}

export async function isCalendarKey(ctx: Context, teamId: string, given: unknown): Promise<boolean> {
  if (typeof given !== 'string' || !given) return false;
  const expected = Buffer.from(await calendarKey(ctx, teamId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The team's feed, to subscribe to in a calendar app. */
export async function teamCalendarUrl(ctx: Context, teamId: string): Promise<string> {
  return `${ctx.config.publicUrl}/api/teams/${encodeURIComponent(teamId)}/agenda.ics?key=${await calendarKey(ctx, teamId)}`;
}

/** One meeting as a file to open in a calendar app. */
export async function meetingCalendarUrl(ctx: Context, teamId: string, meetingId: string): Promise<string> {
  return `${ctx.config.publicUrl}/api/meetings/${encodeURIComponent(meetingId)}.ics?key=${await calendarKey(ctx, teamId)}`;
}
