import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { anonymise } from '../../privacy/index.ts';
import { askNextReviewer } from './ask-next-reviewer.ts';
import { loadRequest } from './request.ts';

export type ConfirmCheckResult = { status: 'needs_check'; text: string; found: number } | { status: 'asked'; reviewerId?: string };

/**
 * Second step: the coach confirms the (maybe edited) anonymised text. An edit that brings personal
 * data back is anonymised again and shown once more; only a clean text goes to a colleague.
 */
export async function confirmCheck(ctx: Context, input: { userId: string; requestId: string; text: string }): Promise<ConfirmCheckResult> {
  const request = await loadRequest(ctx.db.prisma, input.requestId);
  if (request.requesterId !== input.userId) throw new WijkwijsError('forbidden', 'Dit is de aanvraag van een collega; die kun je niet versturen.');
  if (request.status !== 'draft') throw new WijkwijsError('bad_request', 'Deze vier-ogen aanvraag is al verstuurd.');
  const text = input.text.trim();
  if (!text) throw new WijkwijsError('bad_request', 'De beschrijving van de indicatie is leeg.');
  const again = anonymise(text);
  await ctx.db.prisma.vierOgenRequest.update({ where: { id: request.id }, data: { indication: again.text } });
  if (again.entities.length > 0) return { status: 'needs_check', text: again.text, found: again.entities.length };
  const { reviewerId } = await askNextReviewer(ctx, request.id);
  return { status: 'asked', reviewerId };
}

export async function withdrawCheck(ctx: Context, input: { userId: string; requestId: string }): Promise<void> {
  const request = await loadRequest(ctx.db.prisma, input.requestId);
  if (request.requesterId !== input.userId) throw new WijkwijsError('forbidden', 'Dit is de aanvraag van een collega.');
  await ctx.db.prisma.vierOgenRequest.updateMany({ where: { id: request.id, status: 'draft' }, data: { status: 'withdrawn' } });
}
