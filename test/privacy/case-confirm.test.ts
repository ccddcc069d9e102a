import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { WijkwijsError } from '../../src/lib/errors.ts';
import { confirmCase } from '../../src/cases/confirm-case.ts';
import { proposeCase } from '../../src/cases/propose-case.ts';
import { countsByKind, purgeExpiredDrafts } from '../../src/data-protection/purge-expired-drafts.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';

/** Confirm-before-store: a case text is stored only anonymised, and only after the coach checked it. */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
const coach = 'web:case-coach';
const team = 'team-west';

const CASE_TEXT = `Schuldhulp bij een gezin met een zieke vader

Mevrouw Fatima Bouzid (45), BSN 111222333, woont met haar man Ahmed aan de Dorpsstraat 12, 1234 AB Utrecht.
Haar man is langdurig ziek en er zijn achterstanden bij de energieleverancier. Bereikbaar op 06-12345678 of fatima.bouzid@example.nl.

## Besluit
Het team adviseert een keukentafelgesprek met het netwerk en een aanmelding bij de schuldhulpverlening.`;
const PERSONAL = ['Fatima', 'Bouzid', 'Ahmed', '111222333', 'Dorpsstraat', '1234 AB', '06-12345678', 'example.nl'];

const turn = (extra: Partial<Turn>): Turn => ({ channel: 'web', userId: coach, teamId: team, ...extra });
const submit = (reply: Reply, text = reply.form!.fields[0]!.value, userId = coach) =>
  handleTurn(ctx, turn({ userId, action: { id: reply.form!.submit.id, value: reply.form!.id, fields: { text } } }));

/** Every text column of every table, to prove the original never landed anywhere. */
async function everythingStored(): Promise<string> {
  const tables = ['case_draft', 'document', 'chunk', 'answer', 'feedback', 'audit_event', 'conversation', 'collection'];
  const dumps = await Promise.all(tables.map((t) => ctx.db.sql.query(`SELECT * FROM ${t}`)));
  return JSON.stringify(dumps);
}

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureMember(ctx.db.prisma, { teamId: team, userId: coach });
});
afterAll(() => ctx?.close());

describe('sending a case: /casus <tekst>', () => {
  let reply: Reply;
  beforeAll(async () => {
    reply = await handleTurn(ctx, turn({ text: `/casus ${CASE_TEXT}` }));
  });

  it('answers with the anonymised text as a form to check, with Opslaan and Annuleren', () => {
    expect(reply.form).toMatchObject({
      title: expect.any(String),
      submit: { id: 'case.confirm', label: 'Opslaan' },
      cancel: { id: 'case.cancel', label: 'Annuleren' },
      fields: [{ name: 'text', multiline: true }],
    });
    const value = reply.form!.fields[0]!.value;
    for (const p of PERSONAL) expect(value).not.toContain(p);
    expect(value).toMatch(/Mevrouw \[PERSOON-1\] \(\[LEEFTIJD-1\]\), BSN \[BSN-1\]/);
    expect(value).toMatch(/schuldhulpverlening/);
    expect(reply.text).toMatch(/niets opgeslagen/);
    expect(reply.notices.join(' ')).toMatch(/2 namen.*1 BSN|1 BSN.*2 namen/);
    // The notice counts, it does not quote.
    for (const p of PERSONAL) expect(reply.notices.join(' ')).not.toContain(p);
  });

  it('keeps only a short-lived draft holding the anonymised text, and stores no case yet', async () => {
    const draft = await ctx.db.prisma.caseDraft.findUniqueOrThrow({ where: { id: reply.form!.id } });
    expect(draft.text).toBe(reply.form!.fields[0]!.value);
    expect(draft.teamId).toBe(team);
    const hours = (draft.expiresAt.getTime() - draft.createdAt.getTime()) / 3_600_000;
    expect(hours).toBe(24);
    expect(await ctx.db.prisma.document.count({ where: { type: 'casus' } })).toBe(0);
    const stored = await everythingStored();
    for (const p of PERSONAL) expect(stored).not.toContain(p);
  });

  it('shows the form again, and stores nothing, when the edit brings personal data back', async () => {
    const edited = `${reply.form!.fields[0]!.value}\nDe buurvrouw, mevrouw Jansen, helpt met de boodschappen.`;
    const again = await submit(reply, edited);
    expect(again.form?.id).toBe(reply.form!.id);
    expect(again.text).toMatch(/nog persoonsgegevens/);
    expect(again.notices.join(' ')).toMatch(/1 naam/);
    const value = again.form!.fields[0]!.value;
    expect(value).not.toContain('Jansen');
    expect(value).toMatch(/mevrouw \[PERSOON-\d+\], helpt/);
    expect(await ctx.db.prisma.document.count({ where: { type: 'casus' } })).toBe(0);
    expect((await ctx.db.prisma.caseDraft.findUniqueOrThrow({ where: { id: reply.form!.id } })).text).toBe(value);
    reply = again;
  });

  it('stores the checked text as a case of the coach team, and drops the draft', async () => {
    const stored = await submit(reply);
    expect(stored.form).toBeUndefined();
    expect(stored.text).toMatch(/opgeslagen bij team-west als "Schuldhulp bij een gezin met een zieke vader"/);
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: reply.form!.id } })).toBe(0);
    const doc = await ctx.db.prisma.document.findFirstOrThrow({ where: { type: 'casus' } });
    expect(doc).toMatchObject({ title: 'Schuldhulp bij een gezin met een zieke vader', collectionId: `team:${team}`, format: 'markdown' });
    const all = await everythingStored();
    for (const p of [...PERSONAL, 'Jansen']) expect(all).not.toContain(p);
    const audit = await ctx.db.prisma.auditEvent.findMany({ where: { actorId: coach } });
    expect(audit.map((e) => e.action).sort()).toEqual(['case.draft_created', 'case.stored']);
    expect(audit.find((e) => e.action === 'case.stored')).toMatchObject({ subjectType: 'document', subjectId: doc.id, teamId: team });
  });
});

describe('a stored case', () => {
  // Its own team and author, so it stands alone: stored before the tests, from a draft of its own.
  const otherTeam = 'team-oost';
  const author = 'web:case-author';
  let draft: Reply;
  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: otherTeam, userId: author });
    draft = await handleTurn(ctx, turn({ userId: author, teamId: otherTeam, text: `/casus ${CASE_TEXT}` }));
    expect((await submit(draft, undefined, author)).text).toMatch(/opgeslagen bij team-oost/);
  });

  it('is found and cited for a colleague in the team', async () => {
    const colleague = 'web:case-colleague';
    await ensureMember(ctx.db.prisma, { teamId: otherTeam, userId: colleague });
    const answer = await handleTurn(ctx, { channel: 'web', userId: colleague, text: 'Hebben we eerder een casus besproken over achterstanden bij de energieleverancier?' });
    expect(answer.citations.some((c) => c.type === 'casus' && c.source.startsWith(`casus/${otherTeam}/`))).toBe(true);
    expect(answer.text).toMatch(/energieleverancier|schuldhulpverlening/);
    expect(await ctx.db.prisma.auditEvent.count({ where: { actorId: colleague, action: 'case.viewed' } })).toBe(1);
  });

  it('cannot be stored twice from the same draft', async () => {
    const before = await ctx.db.prisma.document.count({ where: { type: 'casus' } });
    const error = await submit(draft, undefined, author).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WijkwijsError);
    expect((error as WijkwijsError).code).toBe('not_found');
    expect((error as WijkwijsError).userMessage).toMatch(/bestaat niet meer/);
    expect(await ctx.db.prisma.document.count({ where: { type: 'casus' } })).toBe(before);
  });
});

describe('drafts', () => {
  it('are dropped by Annuleren, which is harmless to repeat', async () => {
    const reply = await handleTurn(ctx, turn({ text: '/casus Een inwoner vraagt om hulp bij het invullen van formulieren.' }));
    const cancel = () => handleTurn(ctx, turn({ action: { id: 'case.cancel', value: reply.form!.id } }));
    expect((await cancel()).text).toMatch(/niets opgeslagen/);
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: reply.form!.id } })).toBe(0);
    expect((await cancel()).text).toMatch(/niets opgeslagen/);
    await expect(submit(reply)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('expire: after 24 hours they cannot be stored, and the purge removes them', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const draft = await proposeCase(ctx.db.prisma, { userId: coach, text: 'Een inwoner met vragen over de buurtbus.', now });
    const tomorrow = new Date(now.getTime() + 24 * 3_600_000 + 1);
    await expect(confirmCase(ctx, { userId: coach, draftId: draft.draftId, text: draft.text, now: tomorrow })).rejects.toMatchObject({ code: 'not_found' });
    const almost = new Date(now.getTime() + 23 * 3_600_000);
    const caseDrafts = async (at: Date) => countsByKind(await purgeExpiredDrafts(ctx.db, ctx.features, at)).caseDrafts;
    expect(await caseDrafts(almost)).toBe(0);
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: draft.draftId } })).toBe(1);
    expect(await caseDrafts(tomorrow)).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: draft.draftId } })).toBe(0);
  });
});

describe('storing, when things go wrong', () => {
  it('stores a double-clicked Opslaan once; the second click hears the draft is gone', async () => {
    const before = await ctx.db.prisma.document.count();
    const reply = await handleTurn(ctx, turn({ text: '/casus Een inwoner met een dubbele klik.' }));
    const results = await Promise.allSettled([submit(reply), submit(reply)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'not_found' });
    expect(await ctx.db.prisma.document.count()).toBe(before + 1);
  });

  it('keeps the draft when storing fails, so the coach can try again', async () => {
    const reply = await handleTurn(ctx, turn({ text: '/casus Een inwoner wiens casus eerst niet lukt.' }));
    const embed = ctx.embedder.embed;
    ctx.embedder.embed = async () => {
      throw new Error('embedder weg');
    };
    try {
      await expect(submit(reply)).rejects.toThrow('embedder weg');
    } finally {
      ctx.embedder.embed = embed;
    }
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: reply.form!.id } })).toBe(1);
    expect((await submit(reply)).text).toMatch(/is opgeslagen/);
  });
});

describe('refusals, in Dutch', () => {
  it.each([
    ['an empty /casus', '/casus   ', /Zet de tekst van de casus achter \/casus/],
    ['a case over 10,000 characters', `/casus ${'Een lange casus. '.repeat(700)}`, /te lang/],
  ])('%s', async (_label, text, message) => {
    await expect(handleTurn(ctx, turn({ text }))).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(message) });
  });

  it('an empty edit, a missing draft id, a missing text field', async () => {
    const reply = await handleTurn(ctx, turn({ text: '/casus Een inwoner vraagt om hulp bij de administratie.' }));
    await expect(submit(reply, '   ')).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/leeg/) });
    await expect(handleTurn(ctx, turn({ action: { id: 'case.confirm', fields: { text: 'x' } } }))).rejects.toMatchObject({ code: 'bad_request' });
    await expect(handleTurn(ctx, turn({ action: { id: 'case.confirm', value: reply.form!.id } }))).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('only "/casus" at the start makes a case; a question mentioning it is answered as a question', async () => {
    const reply = await handleTurn(ctx, turn({ text: 'Hoe werkt /casus eigenlijk?' }));
    expect(reply.form).toBeUndefined();
    expect(reply.answerId).toBeDefined();
    expect((await handleTurn(ctx, turn({ text: '/CASUS Een inwoner zoekt werk.' }))).form).toBeDefined();
    // A word that merely starts with /casus is no command: no draft is made, whatever the answer is.
    const drafts = await ctx.db.prisma.caseDraft.count();
    const notACommand = await handleTurn(ctx, turn({ text: '/casussen' })).catch((e: unknown) => e);
    expect((notACommand as Reply).form).toBeUndefined();
    expect(await ctx.db.prisma.caseDraft.count()).toBe(drafts);
  });
});
