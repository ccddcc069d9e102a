import { parseArgs } from 'node:util';
import type { Context } from '../assistant/context.ts';
import { getTeamRhythm } from '../consultations/rhythm/get-team-rhythm.ts';
import { describeRhythm, parseWeekday, type RhythmChange } from '../consultations/rhythm/rhythm.ts';
import { setTeamRhythm } from '../consultations/rhythm/set-team-rhythm.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { namePeople } from '../people/name-people.ts';
import { addMember } from '../teams/add-member.ts';
import { OPERATOR } from '../teams/authorise.ts';
import { createTeam } from '../teams/create-team.ts';
import { listTeams } from '../teams/list-teams.ts';
import { removeMember } from '../teams/remove-member.ts';
import { setMemberRole } from '../teams/set-member-role.ts';
import { parseDisplayName } from '../teams/team-input.ts';

export const TEAM_HELP = `  team create <id> --name "<naam>"  maak een team aan
  team add <team> <gebruiker> [--role member|lead|admin] [--naam "<naam>"]
                                 voeg iemand toe aan een team (of wijzig de rol); --naam geeft de
                                 naam waaronder collega's diegene zien (anders uit Slack of Teams)
  team remove <team> <gebruiker> haal iemand uit een team
  team role <team> <gebruiker> <rol>
                                 wijzig iemands rol in een team
  team list [--json]             toon alle teams met hun leden
  team ritme <team> [--weekday di --every 2 --from 2026-01-06 --start 10:00 --end 12:00
                    --cases 3 --minutes 30 --skip 2026-12-29 --facilitator <gebruiker> --tz Europe/Amsterdam]
                                 toon of wijzig het teamritme (twintig-ogen casusbesprekingen);
                                 --skip en --facilitator mogen vaker; --no-skip wist de overgeslagen data`;

const ROLE_WORDS = { member: 'lid', lead: 'teamleider', admin: 'teambeheerder' } as const;

/** `wijkwijs team …`: run by the operator of the server, who may manage every team. */
export async function teamCommand(args: string[], withContext: <T>(fn: (ctx: Context) => Promise<T>) => Promise<T>): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
      name: { type: 'string' },
      naam: { type: 'string' },
      role: { type: 'string' },
      json: { type: 'boolean' },
      weekday: { type: 'string' },
      every: { type: 'string' },
      from: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      cases: { type: 'string' },
      minutes: { type: 'string' },
      skip: { type: 'string', multiple: true },
      'no-skip': { type: 'boolean' },
      facilitator: { type: 'string', multiple: true },
      tz: { type: 'string' },
    },
  });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const need = (count: number, usage: string) => {
    if (positionals.length !== count) throw new WijkwijsError('bad_request', `Gebruik: wijkwijs ${usage}`);
  };
  switch (sub) {
    case 'create': {
      need(1, 'team create <id> --name "<naam>"');
      if (!values.name) throw new WijkwijsError('bad_request', 'Geef het team een naam met --name "…", bijvoorbeeld --name "Wijkteam Noord".');
      const team = await withContext((ctx) => createTeam(ctx.db.prisma, OPERATOR, { id: positionals[0]!, name: values.name! }));
      say(`Team ${team.id} (${team.name}) is aangemaakt.`);
      return 0;
    }
    case 'add': {
      need(2, 'team add <team> <gebruiker> [--role member|lead|admin] [--naam "<naam>"]');
      const [teamId, userId] = positionals as [string, string];
      const result = await withContext((ctx) => addMember(ctx.db.prisma, OPERATOR, { teamId, userId, role: values.role, displayName: values.naam }));
      const said = {
        added: `${userId} is toegevoegd aan team ${teamId}.`,
        role_changed: `De rol van ${userId} in team ${teamId} is gewijzigd.`,
        renamed: `${userId} was al lid van team ${teamId}; de naam is nu ${values.naam ? parseDisplayName(values.naam) : ''}.`,
        unchanged: `${userId} was al lid van team ${teamId}; er is niets veranderd.`,
      };
      say(said[result]);
      return 0;
    }
    case 'remove': {
      need(2, 'team remove <team> <gebruiker>');
      const [teamId, userId] = positionals as [string, string];
      await withContext((ctx) => removeMember(ctx.db.prisma, OPERATOR, { teamId, userId }));
      say(`${userId} is uit team ${teamId} gehaald.`);
      return 0;
    }
    case 'role': {
      need(3, 'team role <team> <gebruiker> <member|lead|admin>');
      const [teamId, userId, role] = positionals as [string, string, string];
      await withContext((ctx) => setMemberRole(ctx.db.prisma, OPERATOR, { teamId, userId, role }));
      say(`${userId} is nu ${ROLE_WORDS[role as keyof typeof ROLE_WORDS]} van team ${teamId}.`);
      return 0;
    }
    case 'list': {
      const teams = await withContext((ctx) => listTeams(ctx.db.prisma, OPERATOR));
      if (values.json) {
        say(JSON.stringify(teams, null, 2));
        return 0;
      }
      if (teams.length === 0) say('Er zijn nog geen teams. Maak er een aan met: wijkwijs team create <id> --name "…"');
      for (const team of teams) {
        say(`${team.id} — ${team.name} (${team.members.length} ${team.members.length === 1 ? 'lid' : 'leden'})`);
        for (const m of team.members) say(`  ${m.displayName ? `${m.displayName} (${m.userId})` : m.userId}: ${ROLE_WORDS[m.role]}`);
      }
      return 0;
    }
    case 'ritme': {
      need(1, 'team ritme <team> [--weekday di --every 2 --from 2026-01-06 --start 10:00 --end 12:00 --cases 3 --minutes 30 --skip 2026-12-29 --facilitator <gebruiker> --tz Europe/Amsterdam]');
      const teamId = positionals[0]!;
      const num = (v: string | undefined, flag: string) => {
        if (v === undefined) return undefined;
        if (!/^\d+$/.test(v)) throw new WijkwijsError('bad_request', `--${flag} verwacht een heel getal.`);
        return Number(v);
      };
      let weekday: number | undefined;
      if (values.weekday !== undefined) {
        weekday = parseWeekday(values.weekday);
        if (!weekday) throw new WijkwijsError('bad_request', `Onbekende dag "${values.weekday}"; gebruik ma, di, wo, do of vr.`);
      }
      const change: RhythmChange = {
        weekday,
        intervalWeeks: num(values.every, 'every'),
        anchorDate: values.from,
        startTime: values.start,
        endTime: values.end,
        casesPerMeeting: num(values.cases, 'cases'),
        minutesPerCase: num(values.minutes, 'minutes'),
        facilitatorIds: values.facilitator,
        timeZone: values.tz,
      };
      const changes = Object.values(change).some((v) => v !== undefined) || values.skip || values['no-skip'];
      const { rhythm, facilitators } = await withContext(async (ctx) => {
        const current = await getTeamRhythm(ctx.db.prisma, teamId);
        if (changes) {
          const skipped = values['no-skip'] ? [] : (current?.skippedDates ?? []);
          if (values.skip || values['no-skip']) change.skippedDates = [...skipped, ...(values.skip ?? [])];
        }
        const rhythm = changes ? (await setTeamRhythm(ctx, OPERATOR, teamId, change)).rhythm : current;
        // The operator sees who by name, and the id to pass to --facilitator again.
        const names = await namePeople(ctx, rhythm?.facilitatorIds ?? []);
        return { rhythm, facilitators: (rhythm?.facilitatorIds ?? []).map((id) => (names.known(id) ? `${names.name(id)} (${id})` : id)) };
      });
      if (!rhythm) {
        say(`Team ${teamId} heeft nog geen teamritme. Stel het in met bijvoorbeeld: wijkwijs team ritme ${teamId} --weekday di --every 2 --from 2026-01-06 --start 10:00 --end 12:00`);
        return 0;
      }
      if (values.json) say(JSON.stringify(rhythm, null, 2));
      else {
        say(`${changes ? 'Opgeslagen. ' : ''}${describeRhythm(rhythm)}`);
        if (rhythm.skippedDates.length) say(`Overgeslagen: ${rhythm.skippedDates.join(', ')}`);
        if (facilitators.length) say(`Procesbegeleiding: ${facilitators.join(', ')}`);
      }
      return 0;
    }
    default:
      throw new WijkwijsError('bad_request', `Onbekende team-opdracht${sub ? ` "${sub}"` : ''}. Mogelijk:\n${TEAM_HELP}`);
  }
}
