import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { anonymise } from '../../privacy/index.ts';
import { requireActingTeam } from '../../teams/membership.ts';
import { dateColumn } from './request.ts';

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
  const row = await ctx.db.prisma.vierOgenRequest.create({
    data: {
      teamId,
      requesterId: input.userId,
      indication: anonymised.text,
      expertise: input.expertise,
      deadline: input.deadline ? dateColumn(input.deadline) : null,
      status: 'draft',
      createdAt: ctx.clock.now(),
    },
    select: { id: true },
  });
  ctx.logger.info({ requestId: row.id, teamId, redacted: anonymised.entities.length }, 'vier-ogen draft created');
  return { requestId: row.id, text: anonymised.text, found: anonymised.entities.length };
}
