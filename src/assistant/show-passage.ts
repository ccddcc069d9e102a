import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { mayCite, type ReadingPlace } from './knowledge-scope.ts';

export interface ShownPassage {
  title: string;
  location: string;
  text: string;
}

/** The passage behind a citation, for a place that may read it (a modal only the clicker sees is private). */
export async function showPassage(db: Db, place: ReadingPlace, passageId: string): Promise<ShownPassage> {
  const chunk = await db.prisma.chunk.findUnique({ where: { id: passageId }, select: { text: true, location: true, teamId: true, document: { select: { title: true } } } });
  if (!chunk || !(await mayCite(db.prisma, place, chunk.teamId))) {
    throw new WijkwijsError('not_found', 'Deze passage staat niet (meer) in de kennisbank, of is niet voor jou bedoeld.');
  }
  return { title: chunk.document.title, location: chunk.location, text: chunk.text };
}
