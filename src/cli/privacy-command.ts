import { parseArgs } from 'node:util';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { releasePlaces } from '../intervision/release-places.ts';
import { deleteUserData } from '../data-protection/delete-user-data.ts';
import { exportUserData } from '../data-protection/export-user-data.ts';
import { listAuditEvents } from '../data-protection/list-audit-events.ts';
import { purgeExpiredConversations } from '../data-protection/purge-expired-conversations.ts';
import { purgeExpiredDrafts } from '../data-protection/purge-expired-drafts.ts';
import { OPERATOR } from '../teams/authorise.ts';

export const PRIVACY_HELP = `  privacy export --user <id>     toon als JSON alles wat over deze gebruiker is opgeslagen
  privacy delete --user <id>     verwijder alles over deze gebruiker (het auditlog blijft, met pseudoniem)
  privacy purge                  verwijder gesprekken, berichten en afgeronde taken ouder dan
                                 WIJKWIJS_RETENTION_DAYS, en nooit bevestigde concepten
  privacy audit --team <id> [--limit N] [--json]
                                 toon het auditlog van een team (nieuwste eerst)`;

/** `wijkwijs privacy …`: data-subject requests and retention, run by the operator. */
export async function privacyCommand(args: string[], withContext: <T>(fn: (ctx: Context) => Promise<T>) => Promise<T>): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { user: { type: 'string' }, team: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } } });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const user = () => {
    if (!values.user) throw new WijkwijsError('bad_request', `Noem de gebruiker met --user, bijvoorbeeld: wijkwijs privacy ${sub} --user slack:T01:U02`);
    return values.user;
  };
  switch (sub) {
    case 'export': {
      const userId = user();
      const data = await withContext((ctx) => exportUserData(ctx.db.prisma, OPERATOR, { userId }));
      say(JSON.stringify(data, null, 2));
      return 0;
    }
    case 'delete': {
      const userId = user();
      const { r, released } = await withContext(async (ctx) => {
        // First as a cancellation, so the next on a waiting list gets the place and is told.
        const released = await releasePlaces(ctx, userId);
        return { r: await deleteUserData(ctx.db.prisma, OPERATOR, { userId }), released };
      });
      if (released) say(`${released} intervisieplek(ken) vrijgegeven; wie op de wachtlijst stond, schuift door.`);
      say(
        `Verwijderd voor ${userId}: ${r.conversations} gesprek(ken), ${r.answers} vraag/antwoord(en), ${r.feedback} feedback, ` +
          `${r.caseDrafts} casusconcept(en), ${r.handoffs} vraag/vragen aan collega’s, ${r.threads} thread-koppeling(en), ${r.slackForms} Slack-formulier(en), ` +
          `${r.memberships} teamlidmaatschap(pen), gebruikersgegevens: ${r.user ? 'ja' : 'niet aanwezig'}.`,
      );
      say(
        `Ook verwijderd: ${r.notifications} bericht(en), ${r.consultationDrafts} nooit verstuurd(e) concept(en) (twintig/vier ogen), ` +
          `${r.memberProfiles} profiel(en) (expertise, afwezigheid), ${r.intervisieSignups} intervisie-aanmelding(en), ${r.intervisieVotes} intervisie-stem(men), ` +
          `${r.onboardingEnrollments} onboarding-traject(en) met ${r.onboardingModules} module(s) en ${r.onboardingQuizAnswers} quizantwoord(en), ` +
          `${r.msTeamsConversations} Teams-koppeling(en); ${r.jobsCancelled} geplande herinnering(en) geannuleerd.`,
      );
      say(
        `In het auditlog staat deze gebruiker voortaan als ${r.pseudonym} (${r.auditEventsPseudonymised} regel(s) aangepast); ` +
          `in de teamgeschiedenis (besproken casussen, vier-ogen besluiten, intervisies, buddy's) ${r.teamRecordsPseudonymised} regel(s)` +
          `${r.facilitatorRoles ? `, en van ${r.facilitatorRoles} procesbegeleiderslijst(en) gehaald` : ''}.`,
      );
      return 0;
    }
    case 'purge': {
      const [r, d] = await withContext(async (ctx) => {
        const now = new Date();
        return [await purgeExpiredConversations(ctx.db, now, { retentionDays: ctx.config.retentionDays }), await purgeExpiredDrafts(ctx.db, ctx.features, now)] as const;
      });
      say(
        `Opgeruimd: ${r.conversations} gesprek(ken) met ${r.answers} vraag/antwoord(en) en ${r.feedback} feedback; ` +
          `${r.notifications} oud(e) bericht(en) en ${r.jobs} afgeronde taak/taken.`,
      );
      say(`Nooit bevestigde concepten: ${d.map((rows) => `${rows.count} ${rows.label}`).join(', ')}.`);
      return 0;
    }
    case 'audit': {
      if (!values.team) throw new WijkwijsError('bad_request', 'Noem het team met --team, bijvoorbeeld: wijkwijs privacy audit --team team-noord');
      const limit = values.limit === undefined ? 100 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new WijkwijsError('bad_request', '--limit moet een geheel getal van 1 tot en met 1000 zijn.');
      const events = await withContext((ctx) => listAuditEvents(ctx.db.prisma, OPERATOR, { teamId: values.team!, limit }));
      if (values.json) say(JSON.stringify(events, null, 2));
      else if (events.length === 0) say(`Geen auditregels voor team ${values.team}.`);
      else for (const e of events) say(`${amsterdamTime(e.at)}  ${e.actorId}  ${e.action}  ${e.subjectType}:${e.subjectId}`);
      return 0;
    }
    default:
      throw new WijkwijsError('bad_request', `Onbekende privacy-opdracht${sub ? ` "${sub}"` : ''}. Mogelijk:\n${PRIVACY_HELP}`);
  }
}

function amsterdamTime(date: Date): string {
  return date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'medium' });
}
