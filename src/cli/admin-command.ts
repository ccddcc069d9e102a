import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { OPERATOR } from '../teams/authorise.ts';
import { listOrganisationAdmins, setOrganisationAdmin } from '../teams/organisation-admins.ts';

export const ADMIN_HELP = `  admin add <gebruiker>          maak iemand beheerder van de organisatie (teams aanmaken, teamleiders
                                 benoemen); in chat kan die daarna zelf /beheer gebruiken
  admin remove <gebruiker>       neem die rol weer af
  admin list                     toon de beheerders van de organisatie`;

/** `wijkwijs admin …`: the organisation admin role, given by the operator. */
export async function adminCommand(args: string[], withContext: <T>(fn: (ctx: Context) => Promise<T>) => Promise<T>): Promise<number> {
  const [sub, ...rest] = args;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const user = () => {
    if (rest.length !== 1) throw new WijkwijsError('bad_request', `Gebruik: wijkwijs admin ${sub} <gebruiker>, bijvoorbeeld slack:T01:U02`);
    return rest[0]!;
  };
  switch (sub) {
    case 'add':
    case 'remove': {
      const userId = user();
      const admin = sub === 'add';
      const result = await withContext((ctx) => setOrganisationAdmin(ctx.db.prisma, OPERATOR, { userId, admin, bootstrap: ctx.config.bootstrapAdmins }));
      say(result === 'unchanged' ? `${userId} was ${admin ? 'al' : 'geen'} beheerder; er is niets veranderd.` : `${userId} is ${admin ? 'nu' : 'geen'} beheerder van de organisatie${admin ? '' : ' meer'}.`);
      return 0;
    }
    case 'list': {
      const admins = await withContext((ctx) => listOrganisationAdmins(ctx.db.prisma, OPERATOR));
      if (admins.length === 0) say('Er is nog geen beheerder. Voeg er een toe met: wijkwijs admin add <gebruiker> (of WIJKWIJS_ADMINS).');
      for (const a of admins) say(a.displayName ? `${a.displayName} (${a.userId})` : a.userId);
      return 0;
    }
    default:
      throw new WijkwijsError('bad_request', `Onbekende admin-opdracht${sub ? ` "${sub}"` : ''}. Mogelijk:\n${ADMIN_HELP}`);
  }
}
