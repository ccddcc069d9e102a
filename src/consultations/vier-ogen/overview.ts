import type { Context } from '../../assistant/context.ts';

/** Checks waiting for the user's judgement, and the user's own checks still with a colleague. */
export async function vierOgenOverview(ctx: Context, userId: string): Promise<string[]> {
  const { prisma } = ctx.db;
  const [toJudge, own] = await Promise.all([
    prisma.vierOgenRequest.count({ where: { reviewerId: userId, status: 'asked' } }),
    prisma.vierOgenRequest.count({ where: { requesterId: userId, status: 'asked' } }),
  ]);
  const lines: string[] = [];
  if (toJudge) lines.push(`Vier ogen: ${toJudge === 1 ? 'een collega wacht' : `${toJudge} collega’s wachten`} op jouw oordeel.`);
  if (own) lines.push(`Vier ogen: ${own === 1 ? 'je vraag ligt' : `${own} vragen liggen`} bij een collega.`);
  return lines;
}
