import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../../src/lib/data-dir-lock.ts';
import { openDatabase } from '../../src/lib/db.ts';
import { tempDir } from '../support/context.ts';
import { runCli, startServe, type RunningCli } from '../support/run-cli.ts';

const IN_USE = /in gebruik door een ander Wijkwijs-proces/;
const running: RunningCli[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop('SIGKILL')));
});

async function serve(dataDir: string): Promise<RunningCli> {
  const server = await startServe({ dataDir });
  running.push(server);
  return server;
}

async function chat(server: RunningCli, text: string): Promise<Response> {
  return fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
}

// Real processes starting PGlite: minutes, not seconds, while other work loads the machine.
describe('one process per embedded data directory (real processes)', { timeout: 180_000 }, () => {
  const dataDir = tempDir('wijkwijs-lock-');
  let first: RunningCli;

  it('a second server on the same directory stops at once with a Dutch message; the first keeps working', async () => {
    first = await serve(dataDir);
    expect((await chat(first, 'Hoe lang duurt het verkennen van de hulpvraag?')).status).toBe(200);

    const second = await runCli(['serve', '--port', '0'], { dataDir });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(IN_USE);
    expect(second.stderr).toMatch(new RegExp(`proces ${first.pid}\\b`));
    expect(second.stderr).toMatch(/Gebruik de server die al draait/);
    expect(second.stderr).toMatch(/DATABASE_URL/);
    expect(second.stdout).not.toMatch(/draait op/);

    expect((await chat(first, 'En wat als dat niet lukt?')).status).toBe(200);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });

  it('CLI commands that open the database are refused while the server runs, and change nothing', async () => {
    const commands = [
      ['team', 'create', 'team-tijdens-server', '--name', 'Mag niet'],
      ['team', 'list'],
      ['ingest', 'knowledge/handboek/werkwijze.md'],
      ['privacy', 'purge'],
      ['migrate'],
      ['ask', 'Wat is vier-ogen?'],
      ['search', 'vier-ogen'],
    ];
    const results = await Promise.all(commands.map((args) => runCli(args, { dataDir })));
    for (const [i, result] of results.entries()) {
      expect(result.code, commands[i]!.join(' ')).toBe(1);
      expect(result.stderr, commands[i]!.join(' ')).toMatch(IN_USE);
    }
    expect(first.output()).not.toMatch(/fout|error/i);
    expect((await chat(first, 'Nog een vraag over de hulpvraag')).status).toBe(200);
  });

  it('after the server stops cleanly the lock is gone and the answers it stored are all there', async () => {
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    const answers = await runCli(['privacy', 'export', '--user', 'web:local'], { dataDir });
    expect(answers.code, answers.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(answers.stdout)).match(/"question":/g)).toHaveLength(3);
    const teams = await runCli(['team', 'list', '--json'], { dataDir });
    expect(teams.stdout).not.toMatch(/team-tijdens-server/);
  });

  it('a lock left by a server killed with SIGKILL is taken over by the next start', async () => {
    const killed = await serve(dataDir);
    expect(await killed.stop('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });
    expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: killed.pid });

    const next = await serve(dataDir);
    expect((await chat(next, 'Werkt het weer?')).status).toBe(200);
    expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: next.pid });
    await next.stop();
  });
});

describe('the data-directory lock', () => {
  const holderOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;

  it('is taken before PGlite touches the directory: a refused open leaves it as it was', async () => {
    const dir = tempDir('wijkwijs-lock-');
    const held = lockDataDir(dir);
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'database_in_use', userMessage: expect.stringMatching(IN_USE) });
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    held.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('holds within one process too, and is released on close', async () => {
    const dir = tempDir('wijkwijs-lock-');
    const db = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'database_in_use' });
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('takes over when the pid was reused by another process, or the machine rebooted', () => {
    const dir = tempDir('wijkwijs-lock-');
    lockDataDir(dir).release();
    const mine = lockDataDir(dir);
    const real = holderOf(dir);
    mine.release();
    // pid 1 runs, but it is not the process that wrote this lock: it started at another moment.
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...real, token: 'oud', pid: 1, startTicks: '1' }));
    lockDataDir(dir).release();
    // Same machine, an earlier boot: whatever pid it names, that process is gone.
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...real, token: 'oud', bootId: 'een-eerdere-start', pid: process.pid }));
    lockDataDir(dir).release();
    // Half written by a process killed at once, long ago.
    writeFileSync(path.join(dir, LOCK_FILE), '{"tok');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, LOCK_FILE), past, past);
    lockDataDir(dir).release();
  });

  it('does not take over from a live process, nor from one it cannot see (another computer)', () => {
    const dir = tempDir('wijkwijs-lock-');
    const mine = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(IN_USE);
    const real = holderOf(dir);
    mine.release();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...real, token: 'ander', host: 'server-2', bootId: 'ander-apparaat', pid: 4242 }));
    let message = '';
    try {
      lockDataDir(dir);
    } catch (error) {
      message = (error as { userMessage: string }).userMessage;
    }
    expect(message).toMatch(/proces 4242 op server-2/);
    expect(message).toMatch(new RegExp(`verwijder dan ${path.join(dir, LOCK_FILE).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(hostname()).not.toBe('server-2');
  });

  it('a half-written lock of a process starting right now is respected', () => {
    const dir = tempDir('wijkwijs-lock-');
    writeFileSync(path.join(dir, LOCK_FILE), '');
    expect(() => lockDataDir(dir)).toThrow(/op dit moment opent/);
  });
});
