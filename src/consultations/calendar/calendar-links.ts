/**
 * Calendar apps cannot sign in, and coaches in Slack or Teams have no web token: calendars get
 * secret links instead, as Google and Outlook do for their own feeds. A key is an HMAC with a
 * secret kept in the database, so it needs no table of its own, and a leaked link opens one team's
 * meeting calendar only (dilemma and question, never a case summary).
 *
 * The subscription feed is personal: its key names the member, and every request checks that this
 * member still belongs to the team, so a removed member's feed stops at once, in every process. A
 * single meeting's file, linked from messages posted in the team's channel, takes the team's key:
 * it shows what that channel's readers have already seen.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from '../../assistant/context.ts';
import type { Db } from '../../lib/db.ts';

const SECRET_SETTING = 'calendar.secret';

/** Read once per database (it never changes): every announcement and agenda builds links with it. */
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

async function sign(ctx: Context, subject: string): Promise<string> {
  return createHmac('sha256', await calendarSecret(ctx)).update(subject).digest('base64url').slice(0, 32);
}

const teamSubject = (teamId: string) => `team:${teamId}`;
// JSON keeps team and member apart whatever characters a user id holds.
const memberSubject = (teamId: string, userId: string) => `feed:${JSON.stringify([teamId, userId])}`;

async function matches(ctx: Context, subject: string, given: unknown): Promise<boolean> {
  if (typeof given !== 'string' || !given) return false;
  const expected = Buffer.from(await sign(ctx, subject));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The key of a meeting file link of this team. */
export function isTeamKey(ctx: Context, teamId: string, given: unknown): Promise<boolean> {
  return matches(ctx, teamSubject(teamId), given);
}

/** The key of this member's subscription to the team's feed (membership is checked by the caller). */
export function isMemberFeedKey(ctx: Context, teamId: string, userId: string, given: unknown): Promise<boolean> {
  return matches(ctx, memberSubject(teamId, userId), given);
}

/** The member's own subscription to the team's feed, for a calendar app. */
export async function teamCalendarUrl(ctx: Context, teamId: string, userId: string): Promise<string> {
  const query = new URLSearchParams({ member: userId, key: await sign(ctx, memberSubject(teamId, userId)) });
  return `${ctx.config.publicUrl}/api/teams/${encodeURIComponent(teamId)}/agenda.ics?${query}`;
}

/** One meeting as a file to open in a calendar app. */
export async function meetingCalendarUrl(ctx: Context, teamId: string, meetingId: string): Promise<string> {
  return `${ctx.config.publicUrl}/api/meetings/${encodeURIComponent(meetingId)}.ics?key=${await sign(ctx, teamSubject(teamId))}`;
}
