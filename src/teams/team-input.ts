import { z } from 'zod';
import { WijkwijsError } from '../lib/errors.ts';

/** Team ids end up in collection ids, CLI arguments and URLs: keep them plain. */
export const teamIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
export const userIdSchema = z.string().trim().min(1).max(200);
export const teamRoleSchema = z.enum(['member', 'lead', 'admin']);

export function parseTeamId(value: string): string {
  const parsed = teamIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new WijkwijsError('bad_request', `Ongeldige team-id "${value}": gebruik kleine letters, cijfers en streepjes (bijvoorbeeld team-noord).`);
  }
  return parsed.data;
}

export function parseUserId(value: string): string {
  const parsed = userIdSchema.safeParse(value);
  if (!parsed.success) throw new WijkwijsError('bad_request', 'Geef een gebruikers-id op, bijvoorbeeld slack:T01:U02.');
  return parsed.data;
}

export function parseDisplayName(value: string): string {
  const name = value.replace(/\s+/g, ' ').trim();
  if (!name || name.length > 120 || /[\p{Cc}]/u.test(name)) throw new WijkwijsError('bad_request', 'Geef een naam van 1 tot 120 tekens, bijvoorbeeld --naam "Anna de Vries".');
  return name;
}

export function parseRole(value: string): z.infer<typeof teamRoleSchema> {
  const parsed = teamRoleSchema.safeParse(value);
  if (!parsed.success) throw new WijkwijsError('bad_request', `Onbekende rol "${value}". Kies uit: member, lead, admin.`);
  return parsed.data;
}
