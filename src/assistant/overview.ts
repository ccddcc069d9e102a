/**
 * "/overzicht": what waits for the user (each feature's lines) and, for a team's leads, the team:
 * who is away, how the rotations went, and what is planned (agendas, reminders, nudges) with when,
 * from the job table, in the team's own time zone.
 */
import { listJobs } from '../jobs/list-jobs.ts';
import { formatDutch } from '../lib/time.ts';
import { teamTimeZone } from '../teams/absences.ts';
import type { Context, TeamOverview } from './context.ts';
import { notice } from './feature-kit.ts';
import type { Reply, Turn } from './reply.ts';
import type { ReplyPerson } from '../people/name-people.ts';

/** Planned jobs shown per team; the next two weeks say enough, the CLI shows all. */
const PLANNED_SHOWN = 12;
const PLANNED_DAYS = 14;

export async function overviewReply(ctx: Context, turn: Turn): Promise<Reply> {
  const own = await userOverview(ctx, turn.userId);
  const teams = await leadOverviews(ctx, turn.userId);
  const parts = [own.length ? `Dit staat voor je klaar:\n${own.map((l) => `• ${l}`).join('\n')}` : 'Er staat niets voor je open: geen vier-ogen vragen, casussen, intervisies of inwerkmodules.', ...teams.map((t) => t.text)];
  return notice(turn, parts.join('\n\n'), { people: teams.flatMap((t) => t.people) });
}

/** What waits for a user across the features, one line each. */
export async function userOverview(ctx: Context, userId: string): Promise<string[]> {
  const parts = await Promise.all(ctx.features.map((f) => f.overview?.(ctx, userId) ?? []));
  return parts.flat();
}

async function leadOverviews(ctx: Context, userId: string): Promise<{ text: string; people: ReplyPerson[] }[]> {
  const teams = await ctx.db.prisma.teamMember.findMany({ where: { userId, role: { in: ['lead', 'admin'] } }, select: { teamId: true }, orderBy: { teamId: 'asc' } });
  const out: { text: string; people: ReplyPerson[] }[] = [];
  for (const { teamId } of teams) {
    const sections: TeamOverview[] = await Promise.all(ctx.features.map((f) => f.teamOverview?.(ctx, teamId) ?? { lines: [] }));
    const planned = await plannedLines(ctx, teamId);
    const lines = sections.flatMap((s) => s.lines);
    const people = [...sections.flatMap((s) => s.people ?? []), ...planned.people];
    const schedule = planned.lines.length ? `Gepland:\n${planned.lines.map((l) => `• ${l}`).join('\n')}` : 'Gepland: niets in de komende twee weken.';
    out.push({ text: [`**Team ${teamId}**`, ...lines.map((l) => `• ${l}`), schedule].join('\n'), people });
  }
  return out;
}

async function plannedLines(ctx: Context, teamId: string): Promise<{ lines: string[]; people: ReplyPerson[] }> {
  const now = ctx.clock.now();
  const until = now.getTime() + PLANNED_DAYS * 86_400_000;
  const zone = await teamTimeZone(ctx.db.prisma, teamId);
  const jobs = (await listJobs(ctx.db, { which: 'planned', now, teamId, limit: 100 })).filter((j) => j.runAt.getTime() <= until);
  const definitions = new Map(ctx.features.flatMap((f) => f.jobs ?? []).map((d) => [d.kind, d]));
  const lines: string[] = [];
  const people: ReplyPerson[] = [];
  for (const job of jobs) {
    if (lines.length >= PLANNED_SHOWN) break;
    const definition = definitions.get(job.kind);
    const payload = definition?.payload.safeParse(job.payload);
    const described = payload?.success ? await definition!.describe?.(ctx, payload.data) : undefined;
    if (!described) continue;
    lines.push(`${formatDutch(job.runAt, zone)}: ${described.text}`);
    people.push(...(described.people ?? []));
  }
  const more = jobs.length - lines.length;
  if (more > 0 && lines.length >= PLANNED_SHOWN) lines.push(`en nog ${more} (wijkwijs jobs list --team ${teamId})`);
  return { lines, people };
}
