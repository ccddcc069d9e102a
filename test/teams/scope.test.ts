import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply } from '../../src/assistant/reply.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { cancelCase } from '../../src/cases/cancel-case.ts';
import { confirmCase } from '../../src/cases/confirm-case.ts';
import { proposeCase } from '../../src/cases/propose-case.ts';
import { addMember } from '../../src/teams/add-member.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { createTeam } from '../../src/teams/create-team.ts';
import { teamIdsOf } from '../../src/teams/membership.ts';
import { removeMember } from '../../src/teams/remove-member.ts';
import { createTestContext, repoRoot } from '../support/context.ts';

/**
 * Team scoping: a case discussion stored by team A is for team A's members only. Every test here
 * tries to get at it from somewhere else: another team, a false team claim, someone else's
 * conversation or draft, a former member, a user without a team.
 */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
const anna = 'web:anna'; // team A
const bram = 'web:bram'; // team B
const cora = 'web:cora'; // teams A and B
const dirk = 'web:dirk'; // no team

const A_CASE = `Duivenplaag in het kippenhok

Een inwoner houdt kippen in een volkstuin. Een duivenplaag in het kippenhok zorgt voor overlast en ruzie met de buren.

## Besluit
Het team besloot de volkstuinvereniging en de buurtbemiddeling in te schakelen in plaats van een maatwerkvoorziening.`;
const B_CASE = `Kapotte wasmachine bij een gezin

Een gezin met drie kinderen heeft geen werkende wasmachine en geen geld voor een nieuwe.

## Besluit
Het team verwees naar het noodfonds van de kerken in de wijk.`;
const A_QUESTION = 'Hebben we eerder een casus besproken over een duivenplaag in een kippenhok?';
const B_QUESTION = 'Hebben we eerder een casus besproken over een kapotte wasmachine?';

let aDocumentId: string;

async function storeCase(userId: string, teamId: string | undefined, text: string): Promise<string> {
  const proposal = await proposeCase(ctx.db.prisma, { userId, teamId, text });
  const result = await confirmCase(ctx, { userId, draftId: proposal.draftId, text: proposal.text });
  if (result.status !== 'stored') throw new Error('case not stored');
  return result.documentId;
}

const ask = (userId: string, text: string, extra: { teamId?: string; conversationId?: string } = {}) => handleTurn(ctx, { channel: 'web', userId, text, ...extra });
const citesTeamCase = (reply: Reply, teamId: string) => reply.citations.some((c) => c.source.startsWith(`casus/${teamId}/`));

beforeAll(async () => {
  ctx = await createTestContext();
  // The bundled example case discussions are organisation-wide: everyone may find those.
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/casusbesprekingen`] });
  await createTeam(ctx.db.prisma, OPERATOR, { id: 'team-a', name: 'Team A' });
  await createTeam(ctx.db.prisma, OPERATOR, { id: 'team-b', name: 'Team B' });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-a', userId: anna });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-b', userId: bram });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-a', userId: cora });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-b', userId: cora });
  aDocumentId = await storeCase(anna, undefined, A_CASE);
  await storeCase(bram, undefined, B_CASE);
});
afterAll(() => ctx?.close());

describe('a team case is found by its own team', () => {
  it('answers a member of team A from the case, with a citation (the positive control)', async () => {
    const reply = await ask(anna, A_QUESTION);
    expect(reply.text).toMatch(/duivenplaag|volkstuin/i);
    expect(citesTeamCase(reply, 'team-a')).toBe(true);
    expect(reply.citations.find((c) => c.source.startsWith('casus/team-a/'))).toMatchObject({ type: 'casus', title: 'Duivenplaag in het kippenhok' });
  });

  it('stores the case with the team on every passage, in the team collection', async () => {
    const rows = await ctx.db.sql.query<{ team_id: string | null; collection_id: string }>(
      'SELECT c.team_id, d.collection_id FROM chunk c JOIN document d ON d.id = c.document_id WHERE d.id = $1',
      [aDocumentId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.team_id === 'team-a' && r.collection_id === 'team:team-a')).toBe(true);
  });

  it('gives someone in both teams the cases of both', async () => {
    expect(citesTeamCase(await ask(cora, A_QUESTION), 'team-a')).toBe(true);
    expect(citesTeamCase(await ask(cora, B_QUESTION), 'team-b')).toBe(true);
  });
});

describe("nobody outside team A gets team A's case", () => {
  it('not a member of team B, in answers or in search', async () => {
    const reply = await ask(bram, A_QUESTION);
    expect(citesTeamCase(reply, 'team-a')).toBe(false);
    expect(reply.text).not.toMatch(/duivenplaag|kippenhok|volkstuin/i);
    for (const type of [undefined, 'casus'] as const) {
      const passages = await searchPassages(ctx, 'duivenplaag kippenhok volkstuin buurtbemiddeling', { teamIds: await teamIdsOf(ctx.db.prisma, bram), type, limit: 50 });
      expect(passages.filter((p) => p.teamId === 'team-a')).toEqual([]);
    }
    // And the other way round.
    expect(citesTeamCase(await ask(anna, B_QUESTION), 'team-b')).toBe(false);
  });

  it('not when the channel claims team A: membership decides, not the claim', async () => {
    const reply = await ask(bram, A_QUESTION, { teamId: 'team-a' });
    expect(citesTeamCase(reply, 'team-a')).toBe(false);
  });

  it("not by continuing a team A member's conversation", async () => {
    const annas = await ask(anna, A_QUESTION);
    const before = await ctx.db.prisma.answer.count({ where: { conversationId: annas.conversationId } });
    // A follow-up too short to stand alone would be searched with the previous question of the conversation.
    const reply = await ask(bram, 'en verder?', { conversationId: annas.conversationId });
    expect(reply.conversationId).not.toBe(annas.conversationId);
    expect(citesTeamCase(reply, 'team-a')).toBe(false);
    expect(await ctx.db.prisma.answer.count({ where: { conversationId: annas.conversationId } })).toBe(before);
  });

  it("not by confirming or cancelling a team A member's draft", async () => {
    const draft = await proposeCase(ctx.db.prisma, { userId: anna, text: 'Een inwoner met een stille vraag over mantelzorg.' });
    await expect(confirmCase(ctx, { userId: bram, draftId: draft.draftId, text: 'Overgenomen tekst van Bram.' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await cancelCase(ctx.db.prisma, { userId: bram, draftId: draft.draftId })).toBe(false);
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: draft.draftId } })).toBe(1);
    const viaTurn = await handleTurn(ctx, { channel: 'web', userId: bram, action: { id: 'case.confirm', value: draft.draftId, fields: { text: 'x' } } }).catch((e: unknown) => e);
    expect(viaTurn).toMatchObject({ code: 'not_found' });
    await cancelCase(ctx.db.prisma, { userId: anna, draftId: draft.draftId });
  });

  it('not for a former member, and a draft made before removal can no longer be stored', async () => {
    const eva = 'web:eva';
    await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-a', userId: eva });
    expect(citesTeamCase(await ask(eva, A_QUESTION), 'team-a')).toBe(true);
    const draft = await proposeCase(ctx.db.prisma, { userId: eva, text: 'Een inwoner met een vraag over de buurtbus.' });
    await removeMember(ctx.db.prisma, OPERATOR, { teamId: 'team-a', userId: eva });
    expect(citesTeamCase(await ask(eva, A_QUESTION), 'team-a')).toBe(false);
    await expect(confirmCase(ctx, { userId: eva, draftId: draft.draftId, text: draft.text })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('not for a user in no team, who may not store cases either', async () => {
    expect(citesTeamCase(await ask(dirk, A_QUESTION), 'team-a')).toBe(false);
    const error = await ask(dirk, '/casus Een inwoner vraagt hulp bij de administratie.').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', userMessage: expect.stringMatching(/geen lid van een team/) });
    expect(await ctx.db.prisma.caseDraft.count({ where: { userId: dirk } })).toBe(0);
  });
});

describe('which team a case goes to', () => {
  it('asks someone in several teams to send it from the right team, and honours a team they belong to', async () => {
    await expect(proposeCase(ctx.db.prisma, { userId: cora, text: 'Een casus.' })).rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringMatching(/meerdere teams/) });
    expect((await proposeCase(ctx.db.prisma, { userId: cora, teamId: 'team-b', text: 'Een casus.' })).teamId).toBe('team-b');
    // A claimed team they do not belong to falls back to their own only team, never to the claimed one.
    expect((await proposeCase(ctx.db.prisma, { userId: bram, teamId: 'team-a', text: 'Een casus.' })).teamId).toBe('team-b');
  });
});

describe('audit of case views', () => {
  it("records 'case.viewed' for a member whose answer cites the case, and nothing for others", async () => {
    const before = await ctx.db.prisma.auditEvent.count({ where: { action: 'case.viewed', subjectId: aDocumentId } });
    await ask(anna, A_QUESTION);
    const events = await ctx.db.prisma.auditEvent.findMany({ where: { action: 'case.viewed', subjectId: aDocumentId } });
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ subjectType: 'document', teamId: 'team-a' });
    expect(events.every((e) => [anna, cora, 'web:eva'].includes(e.actorId))).toBe(true);
    expect(await ctx.db.prisma.auditEvent.count({ where: { action: 'case.viewed', actorId: bram, subjectId: aDocumentId } })).toBe(0);
  });
});
