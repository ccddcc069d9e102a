/**
 * "/beheer": the organisation admin's commands in chat, for someone who already is one (the first
 * comes from WIJKWIJS_ADMINS or `wijkwijs admin add`): other admins, new teams, team leads.
 * People are named with an @-mention (Slack and Teams turn it into the user id) or by name.
 */
import type { Context, Feature } from '../assistant/context.ts';
import { notice } from '../assistant/feature-kit.ts';
import type { Reply, Turn } from '../assistant/reply.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { findPerson } from '../people/find-person.ts';
import { namePeople } from '../people/name-people.ts';
import { addMember } from '../teams/add-member.ts';
import { requireOrganisationAdmin } from '../teams/authorise.ts';
import { createTeam } from '../teams/create-team.ts';
import { listOrganisationAdmins, setOrganisationAdmin } from '../teams/organisation-admins.ts';

const HELP =
  'Als beheerder van de organisatie: /beheer admin @collega (beheerder maken), /beheer geen-admin @collega, /beheer team <id> <naam> (team aanmaken), /beheer leider <team> @collega (teamleider benoemen).';

async function beheerCommand(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const actor = { userId: turn.userId };
  const { prisma } = ctx.db;
  await requireOrganisationAdmin(prisma, actor);
  const [sub = '', ...rest] = args.split(/\s+/).filter(Boolean);
  const person = (words: string[], teamId?: string) => findPerson(prisma, words.join(' '), { teamId });
  switch (sub.toLowerCase()) {
    case '': {
      const admins = await listOrganisationAdmins(prisma, actor);
      const names = await namePeople(ctx, admins.map((a) => a.userId));
      return notice(turn, `Beheerders van de organisatie: ${admins.map((a) => names.name(a.userId)).join(', ')}.\n\n${HELP}`, { people: names.named() });
    }
    case 'admin':
    case 'geen-admin': {
      const admin = sub.toLowerCase() === 'admin';
      const userId = await person(rest);
      const result = await setOrganisationAdmin(prisma, actor, { userId, admin, bootstrap: ctx.config.bootstrapAdmins });
      const names = await namePeople(ctx, [userId]);
      const who = names.name(userId);
      const text = result === 'unchanged' ? `${who} was ${admin ? 'al' : 'geen'} beheerder; er is niets veranderd.` : admin ? `${who} is nu beheerder van de organisatie.` : `${who} is geen beheerder van de organisatie meer.`;
      return notice(turn, text, { people: names.named() });
    }
    case 'team': {
      const [id, ...name] = rest;
      if (!id || name.length === 0) throw new WijkwijsError('bad_request', 'Gebruik: /beheer team <id> <naam>, bijvoorbeeld /beheer team team-noord Wijkteam Noord');
      const team = await createTeam(prisma, actor, { id, name: name.join(' ') });
      return notice(turn, `Team ${team.id} (${team.name}) is aangemaakt. Benoem een teamleider met /beheer leider ${team.id} @collega.`);
    }
    case 'leider': {
      const [teamId, ...who] = rest;
      if (!teamId || who.length === 0) throw new WijkwijsError('bad_request', 'Gebruik: /beheer leider <team> @collega');
      const userId = await person(who);
      await addMember(prisma, actor, { teamId, userId, role: 'lead' });
      const names = await namePeople(ctx, [userId]);
      return notice(turn, `${names.name(userId)} is teamleider van team ${teamId}.`, { people: names.named() });
    }
    default:
      return notice(turn, HELP);
  }
}

export const organisationFeature: Feature = { commands: { beheer: beheerCommand } };
