/**
 * Calendar files: `GET /api/teams/:teamId/agenda.ics` (the team's feed of meetings with cases)
 * and `GET /api/meetings/:id.ics` (one meeting). Mounted before the API's own token check, because
 * calendar apps cannot send a header: they open a secret link (`?member=&key=` for the feed,
 * `?key=` for a meeting, see calendar-links.ts); the web chat's user may also use the web token,
 * as `?token=` or a header. Membership is read from the database on every request.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { requireTeamMember } from '../../teams/authorise.ts';
import { isMember } from '../../teams/membership.ts';
import { buildCalendar } from './build-calendar.ts';
import { isMemberFeedKey, isTeamKey } from './calendar-links.ts';

export function calendarRoutes(ctx: Context, webUserId: string): express.Router {
  const router = express.Router();
  const webToken = webTokenCheck(ctx.config.webToken);
  const wrongLink = () => new WijkwijsError('unauthorized', 'Deze agendalink klopt niet (meer). Vraag de link opnieuw op met /teamritme.');
  const viaWebChat = async (req: Request, teamId: string) => {
    webToken(req);
    await requireTeamMember(ctx.db.prisma, { userId: webUserId }, teamId);
  };
  router.get('/teams/:teamId/agenda.ics', async (req, res) => {
    const teamId = String(req.params.teamId);
    const { key, member } = req.query;
    if (key !== undefined) {
      if (typeof member !== 'string' || !(await isMemberFeedKey(ctx, teamId, member, key))) throw wrongLink();
      if (!(await isMember(ctx.db.prisma, member, teamId))) throw new WijkwijsError('forbidden', `Deze agenda is alleen voor leden van team ${teamId}.`);
    } else await viaWebChat(req, teamId);
    send(res, await buildCalendar(ctx, { teamId }));
  });
  router.get('/meetings/:file', async (req, res, next) => {
    const m = /^(.+)\.ics$/.exec(String(req.params.file));
    if (!m) return next();
    const meeting = await ctx.db.prisma.consultationMeeting.findUnique({ where: { id: m[1]! }, select: { id: true, teamId: true } });
    if (!meeting) throw new WijkwijsError('not_found', 'Dit overleg bestaat niet (meer).');
    if (req.query.key === undefined) await viaWebChat(req, meeting.teamId);
    else if (!(await isTeamKey(ctx, meeting.teamId, req.query.key))) throw wrongLink();
    send(res, await buildCalendar(ctx, { teamId: meeting.teamId, meetingId: meeting.id }));
  });
  return router;
}

function send(res: Response, ics: string): void {
  res.set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'no-store' }).send(ics);
}

function webTokenCheck(token: string | undefined) {
  const expected = token ? Buffer.from(token) : undefined;
  return (req: Request): void => {
    if (!expected) return;
    const query = typeof req.query.token === 'string' ? req.query.token : '';
    const given = Buffer.from(query || (req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return;
    throw new WijkwijsError('unauthorized', 'Je bent niet aangemeld: de toegangscode ontbreekt of klopt niet.');
  };
}
