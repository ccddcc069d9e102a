import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_USER_ID, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { deleteUserData } from '../../src/data-protection/delete-user-data.ts';
import { exportUserData } from '../../src/data-protection/export-user-data.ts';
import { purgeExpiredConversations } from '../../src/data-protection/purge-expired-conversations.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';

/**
 * Runs the main flows through the web chat's HTTP API with the most talkative log level and scans
 * every log line for what must never be in a log: message text, names, BSNs, addresses, case text.
 */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;

const QUESTION = 'Mevrouw Fatima Bouzid, BSN 111222333, Dorpsstraat 12 in Utrecht, wil een indicatie voor begeleiding. Hoe onderbouw ik dat?';
const CASE = `Zorgen om een alleenstaande vader

Meneer Hendrik Jan Kuipers (52) woont aan de Kastanjelaan 7, 3511 AB Utrecht, telefoon 06-87654321, IBAN NL91ABNA0417164300.
Hij slaapt slecht sinds de scheiding en verwaarloost zijn tuin; de buren maken zich zorgen.

## Besluit
Het team stelt voor om samen met zijn zus een netwerkberaad te houden.`;
const EDIT_NAME = 'De zus heet Wilhelmina Kuipers-Smit.';
const COMMENT = 'Het antwoord vergeet de uitzondering die mevrouw Bouzid noemde over haar buurman Kees';
const THROWN = 'zoeken mislukt voor Fatima Bouzid 111222333';

/** Everything that must stay out of the logs: personal data and any piece of message or case text. */
const FORBIDDEN = [
  'Fatima', 'Bouzid', '111222333', 'Dorpsstraat', 'onderbouw', 'begeleiding',
  'Hendrik', 'Kuipers', 'Kastanjelaan', '3511', '06-87654321', 'NL91ABNA', 'alleenstaande', 'slaapt slecht', 'scheiding', 'netwerkberaad',
  'Wilhelmina', 'Smit', 'uitzondering', 'buurman', 'Kees', 'zoeken mislukt', 'lange vraag',
];

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
};

beforeAll(async () => {
  ctx = await createTestContext({ LOG_LEVEL: 'trace', PORT: '0' });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`] });
  await ensureMember(ctx.db.prisma, { teamId: ctx.config.defaultTeam, userId: WEB_USER_ID });
  server = await startWebServer(ctx);

  // 1. A question full of personal data.
  const answer = await post('/api/chat', { text: QUESTION });
  expect(answer.status).toBe(200);

  // 2. A case: draft, an edit that brings a name back, then confirmed.
  const draft = await post('/api/chat', { text: `/casus ${CASE}` });
  expect(draft.json.form).toBeDefined();
  const edited = `${draft.json.form.fields[0].value}\n${EDIT_NAME}`;
  const again = await post('/api/action', { actionId: 'case.confirm', value: draft.json.form.id, fields: { text: edited } });
  expect(again.json.form).toBeDefined();
  const stored = await post('/api/action', { actionId: 'case.confirm', value: again.json.form.id, fields: { text: again.json.form.fields[0].value } });
  expect(stored.json.text).toMatch(/opgeslagen/);

  // 3. Feedback with a comment.
  expect((await post('/api/feedback', { answerId: answer.json.answerId, rating: 'down', comment: COMMENT })).status).toBe(200);

  // 4. Failed requests: too long, malformed, an unknown draft or button, and an internal error.
  expect((await post('/api/chat', { text: `Een lange vraag over Fatima Bouzid ${'en nog meer '.repeat(300)}` })).status).toBe(400);
  expect((await post('/api/chat', `{"text": "${QUESTION}`)).status).toBe(400);
  expect((await post('/api/action', { actionId: 'case.confirm', value: 'Fatima Bouzid', fields: { text: CASE } })).status).toBe(404);
  expect((await post('/api/action', { actionId: 'case.cancel', value: 'Fatima Bouzid 111222333' })).status).toBe(200);
  expect((await post('/api/action', { actionId: 'Fatima Bouzid', value: '111222333' })).status).toBe(400);
  // An embedding model that fails no longer fails a question (search goes on by words): the database does.
  const query = ctx.db.sql.query;
  ctx.db.sql.query = async () => {
    throw new Error(THROWN);
  };
  try {
    const failed = await post('/api/chat', { text: QUESTION });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.json)).not.toMatch(/Bouzid|zoeken mislukt/);
  } finally {
    ctx.db.sql.query = query;
  }

  // 5. Retention and data-subject requests.
  await purgeExpiredConversations(ctx.db, new Date(), { retentionDays: ctx.config.retentionDays });
  await exportUserData(ctx.db.prisma, OPERATOR, { userId: WEB_USER_ID });
  await deleteUserData(ctx.db.prisma, OPERATOR, { userId: 'web:niemand' });
});
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

describe('log output of the main flows', () => {
  it('was written: the flows did log, with ids and counts', () => {
    const messages = ctx.logs.lines.map((l) => JSON.parse(l).msg);
    expect(messages).toEqual(expect.arrayContaining(['question answered', 'case draft created', 'case draft needs another check', 'case stored', 'case draft cancelled', 'web request failed']));
    const stored = ctx.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'case stored');
    expect(stored).toMatchObject({ documentId: expect.any(String), chunks: expect.any(Number) });
  });

  it('holds no message text, names, BSNs, addresses or case text in any line', () => {
    for (const line of ctx.logs.lines) {
      for (const secret of FORBIDDEN) expect(line, `log line leaks "${secret}"`).not.toContain(secret);
    }
  });

  it('keeps a failure diagnosable without its message: error type and stack frames only', () => {
    const failure = ctx.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'web request failed');
    expect(failure.err.type).toBe('Error');
    expect(failure.err.stack).toMatch(/at /);
  });
});
