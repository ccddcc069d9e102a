import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, WEB_USER_ID, type RunningServer } from '../../src/channels/web/server.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';

/**
 * A case sent through the web chat's HTTP API with identifiers hidden behind invisible characters:
 * a zero-width space inside the BSN and soft hyphens inside the phone number. What the database
 * holds afterwards must contain neither the numbers nor the hidden characters.
 */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
const team = 'team-hidden';

const CASE_TEXT = [
  'Huurachterstand bij een alleenstaande vader',
  '',
  'Meneer Pieters, BSN 111\u200b222\u200b333, is te bereiken op 06\u00ad-\u00ad12345678.',
  'Er is een achterstand van drie maanden; de verhuurder dreigt met ontruiming.',
  '',
  '## Besluit',
  'Het team vraagt de schuldhulpverlening om een snelle intake.',
].join('\n');
const HIDDEN_RE = /[\u00ad\u200b]/;
const DIGITS = ['111222333', '12345678', '111', '222', '333'];

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${server.url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
};

async function storedCaseText(): Promise<string> {
  const docs = await ctx.db.prisma.document.findMany({ where: { type: 'casus' } });
  const chunks = await ctx.db.sql.query<{ text: string }>(`SELECT c.text FROM chunk c JOIN document d ON d.id = c.document_id WHERE d.type = 'casus'`);
  const drafts = await ctx.db.prisma.caseDraft.findMany();
  return JSON.stringify([docs, chunks, drafts]);
}

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: team });
  await ensureMember(ctx.db.prisma, { teamId: team, userId: WEB_USER_ID });
  server = await startWebServer(ctx);
});
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

describe('/casus through the web API with hidden characters in the identifiers', () => {
  it('stores a case text with neither the numbers nor the hidden characters', async () => {
    const proposed = await post('chat', { text: `/casus ${CASE_TEXT}` });
    const shown: string = proposed.form.fields[0].value;
    expect(shown).toContain('BSN [BSN-1]');
    expect(shown).toContain('[TELEFOON-1].');
    expect(shown).not.toMatch(HIDDEN_RE);

    const confirmed = await post('action', { actionId: proposed.form.submit.id, value: proposed.form.id, fields: { text: shown } });
    expect(confirmed.text).toMatch(/opgeslagen/i);
    expect(await ctx.db.prisma.document.count({ where: { type: 'casus' } })).toBe(1);

    const stored = await storedCaseText();
    expect(stored).toContain('[BSN-1]');
    expect(stored).not.toMatch(HIDDEN_RE);
    for (const d of DIGITS) expect(stored).not.toContain(d);
    expect(stored).not.toContain('Pieters');
  });
});
