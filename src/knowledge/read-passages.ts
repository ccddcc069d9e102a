/**
 * Reading indexed passages for whoever is not searching: the onboarding programme linking to the
 * knowledge, the audit trail noting which documents an answer showed. Callers keep to this file
 * instead of the knowledge tables.
 */
import type { PrismaClient } from '../lib/db.ts';

export interface IndexedPassage {
  id: string;
  documentId: string;
  /** The team whose collection holds it; null for organisation-wide knowledge. */
  teamId: string | null;
  title: string;
  location: string;
  type: string;
  text: string;
  /** The indexed file. */
  sourceKey: string;
  /** What the document is based on, from its front matter. */
  source: string | null;
}

const PASSAGE = {
  id: true,
  documentId: true,
  teamId: true,
  location: true,
  docType: true,
  text: true,
  document: { select: { title: true, sourceKey: true, source: true } },
} as const;

type PassageRow = { id: string; documentId: string; teamId: string | null; location: string; docType: string; text: string; document: { title: string; sourceKey: string; source: string | null } };

function toPassage(row: PassageRow): IndexedPassage {
  const { document, docType, ...rest } = row;
  return { ...rest, type: docType, title: document.title, sourceKey: document.sourceKey, source: document.source };
}

/** The passages with these ids, in no particular order; unknown ids are left out. */
export async function readPassages(prisma: PrismaClient, ids: readonly string[]): Promise<IndexedPassage[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.chunk.findMany({ where: { id: { in: [...ids] } }, select: PASSAGE });
  return rows.map(toPassage);
}

/**
 * The first passage under `heading` of the file `path` (its source key, or the end of one after a
 * "/", so `werkvormen/x.md` finds `knowledge/werkvormen/x.md`), among what a member of `teamId` may read.
 */
export async function findPassageUnderHeading(prisma: PrismaClient, input: { path: string; heading: string; teamId: string }): Promise<IndexedPassage | undefined> {
  const row = await prisma.chunk.findFirst({
    where: {
      heading: input.heading,
      OR: [{ teamId: null }, { teamId: input.teamId }],
      document: { OR: [{ sourceKey: input.path }, { sourceKey: { endsWith: `/${input.path}` } }] },
    },
    orderBy: { ord: 'asc' },
    select: PASSAGE,
  });
  return row ? toPassage(row) : undefined;
}
