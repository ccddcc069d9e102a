/**
 * Calendar files: `GET /api/teams/:teamId/agenda.ics` (the team's feed of meetings with cases)
 * and `GET /api/meetings/:id.ics` (one meeting). Mounted before the API's own token check, because
 * calendar apps cannot send a header: the token may also come as `?token=`.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Context } from '../../context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { requireTeamMember } from '../../teams/authorise.ts';
import { buildCalendar } from './build-calendar.ts';

export function calendarRoutes(ctx: Context, webUserId: string): express.Router {
  const router = express.Router();
  const guard = calendarToken(ctx.config.webToken);
  router.get('/teams/:teamId/agenda.ics', guard, async (req, res) => {
    const teamId = String(req.params.teamId);
    await requireTeamMember(ctx.db.prisma, { userId: webUserId }, teamId);
    send(res, await buildCalendar(ctx, { teamId }));
  });
  router.get('/meetings/:file', guard, async (req, res, next) => {
    const m = /^(.+)\.ics$/.exec(String(req.params.file));
    if (!m) return next();
    const meeting = await ctx.db.prisma.consultationMeeting.findUnique({ where: { id: m[1]! }, select: { id: true, teamId: true } });
    if (!meeting) throw new WijkwijsError('not_found', 'Dit overleg bestaat niet (meer).');
    await requireTeamMember(ctx.db.prisma, { userId: webUserId }, meeting.teamId);
    send(res, await buildCalendar(ctx, { teamId: meeting.teamId, meetingId: meeting.id }));
  });
  return router;
}

function send(res: Response, ics: string): void {
  res.set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'no-store' }).send(ics);
}

function calendarToken(token: string | undefined) {
  const expected = token ? Buffer.from(token) : undefined;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!expected) return next();
    const query = typeof req.query.token === 'string' ? req.query.token : '';
    const given = Buffer.from(query || (req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    next(new WijkwijsError('unauthorized', 'Je bent niet aangemeld: de toegangscode ontbreekt of klopt niet.'));
  };
}
