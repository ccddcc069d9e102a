import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgliteServer } from '../support/pglite-server.ts';
import { runCli, startServe, type RunningCli } from '../support/run-cli.ts';

/**
 * Two processes on one shared database (DATABASE_URL, here a PGlite served over the wire): a team
 * change made at the command line counts in the running server at once, without a restart.
 */
let database: Awaited<ReturnType<typeof startPgliteServer>>;
let server: RunningCli;
const TEAM = 'wijkteam';
const env = () => ({ DATABASE_URL: database.url, WIJKWIJS_DEFAULT_TEAM: TEAM });
const cli = (args: string[]) => runCli(args, { env: env() });

beforeAll(async () => {
  database = await startPgliteServer();
  server = await startServe({ env: env() });
});
afterAll(async () => {
  await server?.stop();
  await database?.close();
});

const get = async (path: string) => (await fetch(`${server.url}${path}`)).status;

describe('team commands next to a running server on DATABASE_URL', { timeout: 180_000 }, () => {
  it('a member removed at the command line loses the team agenda at once, and gets it back when added again', async () => {
    const rhythm = await cli(['team', 'ritme', TEAM, '--weekday', 'di', '--every', '2', '--from', '2026-01-06', '--start', '10:00', '--end', '12:00']);
    expect(rhythm.code, rhythm.stderr).toBe(0);

    const shown = await (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '/teamritme' }) })).json();
    expect(shown.text, 'the server sees the rhythm the CLI just set').toMatch(/Om de 2 weken op dinsdag/);
    const link = new URL(/(http:\/\/\S+\/agenda\.ics\?\S+)/.exec(shown.text)![1]!);
    const feed = `${link.pathname}${link.search}`;
    expect(await get(feed)).toBe(200);
    expect(await get(`/api/teams/${TEAM}/agenda.ics`)).toBe(200);

    const removed = await cli(['team', 'remove', TEAM, 'web:local']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await get(feed)).toBe(403);
    expect(await get(`/api/teams/${TEAM}/agenda.ics`)).toBe(403);

    const added = await cli(['team', 'add', TEAM, 'web:local']);
    expect(added.code, added.stderr).toBe(0);
    expect(await get(feed)).toBe(200);
    expect(server.output()).not.toMatch(/Onverwachte fout/);
  });
});
