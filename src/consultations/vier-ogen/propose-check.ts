import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { anonymise } from '../../privacy/index.ts';
import { requireActingTeam } from '../../teams/membership.ts';

export const MAX_INDICATION_CHARS = 3000;

export interface ProposeCheckInput {
  userId: string;
  teamId?: string;
  indication: string;
  expertise: string | null;
  deadline: string | null;
}

/**
 * First step: the typed indication is anonymised at once and only that version is kept, as a draft
 * the coach checks before any colleague sees it.
 */
export async function proposeCheck(ctx: Context, input: ProposeCheckInput): Promise<{ requestId: string; text: string; found: number }> {
  const raw = input.indication.trim();
  if (!raw) throw new WijkwijsError('bad_request', 'Beschrijf kort de voorgenomen indicatie: welke hulp, bij wie, en waarom.');
  if (raw.length > MAX_INDICATION_CHARS) {
    throw new WijkwijsError('bad_request', `De beschrijving is te lang (${raw.length} tekens, maximaal ${MAX_INDICATION_CHARS}). Houd het bij de kern.`);
  }
  const teamId = await requireActingTeam(ctx.db.prisma, input.userId, input.teamId);
  const anonymised = anonymise(raw);
  const [row] = await ctx.db.sql.query<{ id: string }>(
    `INSERT INTO vier_ogen_request (team_id, requester_id, indication, expertise, deadline, status, created_at)
     VALUES ($1, $2, $3, $4, $5::date, 'draft', $6) RETURNING id`,
    [teamId, input.userId, anonymised.text, input.expertise, input.deadline, ctx.clock.now()],
  );
  ctx.logger.info({ requestId: row!.id, teamId, redacted: anonymised.entities.length }, 'vier-ogen draft created');
  return { requestId: row!.id, text: anonymised.text, found: anonymised.entities.length };
}
