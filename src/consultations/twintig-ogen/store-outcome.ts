/**
 * A discussed case as a casusbespreking in the team's own collection, through the same path as
 * /casus: team-only, type "casus", found by later questions of this team and never by another.
 */
import type { Context } from '../../assistant/context.ts';
import { storeTextDocument } from '../../knowledge/store-text-document.ts';
import { formatDutch } from '../../lib/time.ts';

export interface Outcome {
  advice: string;
  agreements: string;
}

export async function storeOutcomeDocument(ctx: Context, requestId: string): Promise<{ documentId: string; title: string }> {
  const { prisma } = ctx.db;
  const item = await prisma.consultationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { meeting: true } });
  const outcome = item.outcomeDraft as unknown as Outcome;
  const followUps = await prisma.consultationFollowUp.findMany({ where: { requestId }, orderBy: { createdAt: 'asc' } });
  const zone = (await prisma.teamRhythm.findUnique({ where: { teamId: item.teamId } }))?.timeZone;
  const date = formatDutch(item.meeting?.startsAt ?? ctx.clock.now(), zone, false);
  const dilemma = item.dilemma.replace(/^\d+\.\s*/, '');
  const title = `Casusbespreking ${date}: ${dilemma}`;
  const sections = [
    ['Situatie', item.summary],
    ['Dilemma', item.dilemma],
    ['Vraag aan het team', item.question],
    ['Wat al geprobeerd is', item.tried],
    ['Advies van het team', outcome.advice],
    ['Afspraken', outcome.agreements],
    ...followUps.map((f) => [`Vervolgafspraak (klaar op ${f.dueDate})`, `${f.text}${f.effect ? `\n\nWat het opleverde: ${f.effect}` : ''}`]),
  ].filter(([, body]) => body && body.trim());
  const markdown = sections.map(([heading, body]) => `## ${heading}\n\n${body!.trim()}`).join('\n\n');
  const stored = await storeTextDocument(ctx, {
    sourceKey: `casus/${item.teamId}/twintig-${item.id}`,
    title,
    type: 'casus',
    markdown,
    teamId: item.teamId,
    reference: `Twintig-ogen casusbespreking van team ${item.teamId}, ${date}, vastgelegd via Wijkwijs`,
    meta: { origin: 'twintig-ogen', requestId: item.id, meetingId: item.meetingId },
  });
  await prisma.consultationRequest.update({ where: { id: item.id }, data: { documentId: stored.documentId } });
  return { documentId: stored.documentId, title };
}
