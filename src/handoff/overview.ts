import type { Context } from '../assistant/context.ts';
import { formatDutch } from '../lib/time.ts';

const SHOWN = 5;
const QUESTION_SHOWN = 140;

/** The user's requests to colleagues that nobody marked as solved yet, newest first; for /overzicht and the Slack Home. */
export async function handoffOverview(ctx: Context, userId: string): Promise<string[]> {
  const open = await ctx.db.prisma.handoff.findMany({
    where: { askerId: userId, status: 'open' },
    orderBy: { createdAt: 'desc' },
    take: SHOWN,
    include: { answer: { select: { question: true } } },
  });
  return open.map((h) => {
    const question = h.answer ? `: ${cut(h.answer.question)}` : '';
    return `Vraag een collega: je vraag van ${formatDutch(h.createdAt, undefined, false)} staat nog open${question}`;
  });
}

function cut(text: string): string {
  return text.length > QUESTION_SHOWN ? `${text.slice(0, QUESTION_SHOWN - 1)}…` : text;
}
