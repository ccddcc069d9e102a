import { z } from 'zod';
import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { citableTeamIds, type ReadingPlace } from './knowledge-scope.ts';
import { answerOrigin, type Reply } from './reply.ts';

const storedCitations = z.array(
  z.object({
    n: z.number(),
    passageId: z.string(),
    title: z.string(),
    location: z.string(),
    source: z.string(),
    updated: z.string().optional(),
    owner: z.string().optional(),
    details: z.string().optional(),
    warning: z.string().optional(),
  }),
);

/**
 * "Deel in kanaal": the stored answer, for everyone in `target`. Only its asker may share it, and only
 * where every passage it cites may be read by all: a case of team A goes only into a place linked to
 * team A, shared by a member of A. The copy shared is the stored one, saved anonymised, so names from
 * the asker's question stay with the asker.
 */
export async function shareAnswer(db: Db, input: { answerId: string; target: ReadingPlace }): Promise<Reply> {
  const { prisma } = db;
  const answer = await prisma.answer.findUnique({ where: { id: input.answerId }, include: { conversation: { select: { userId: true } } } });
  if (!answer || answer.conversation.userId !== input.target.userId) throw new WijkwijsError('not_found', 'Dit antwoord kan ik niet (meer) delen.');
  const citations = storedCitations.parse(answer.citations);
  const passageIds = citations.map((c) => c.passageId);
  const passages = passageIds.length ? await db.sql.query<{ id: string; team_id: string | null }>('SELECT id, team_id FROM chunk WHERE id = ANY($1::text[])', [passageIds]) : [];
  // A source that is gone cannot be checked any more, and the answer may still quote it.
  if (passages.length < new Set(passageIds).size) throw new WijkwijsError('not_found', 'Een bron van dit antwoord bestaat niet meer. Stel je vraag opnieuw; dan kun je het nieuwe antwoord delen.');
  const allowed = await citableTeamIds(prisma, { ...input.target, audience: 'shared' });
  const closed = passages.find((p) => p.team_id !== null && !allowed.includes(p.team_id));
  if (closed) {
    throw new WijkwijsError(
      'forbidden',
      `Dit antwoord haalt kennis aan van team ${closed.team_id}, zoals een casusbespreking. Die deel ik alleen in een kanaal dat aan team ${closed.team_id} gekoppeld is, en alleen als jij lid bent van dat team. Het antwoord blijft voor jou zichtbaar.`,
    );
  }
  const mode = answer.mode as Reply['mode'];
  const origin = answerOrigin(mode);
  return {
    conversationId: answer.conversationId,
    answerId: answer.id,
    text: answer.text,
    citations: citations.map((c) => ({ ...c, reference: null, type: '', passage: '' })),
    actions: [],
    mode,
    notices: [],
    ...(origin ? { origin } : {}),
  };
}
