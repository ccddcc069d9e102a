import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Context, Feature } from '../../src/assistant/context.ts';
import { createContext } from '../../src/app.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { createLogger } from '../../src/lib/logger.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export function tempDir(prefix = 'wijkwijs-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Collects everything the logger writes, to assert what never reaches a log. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export type TestContext = Context & { logs: LogCapture };

/**
 * A context on a throw-away in-memory PGlite unless a data dir or DATABASE_URL is given. The .env
 * file of a developer is ignored, so tests see only what they set. `features` replaces the real list,
 * e.g. to add a feature only this test file knows.
 */
export async function createTestContext(
  env: Record<string, string> = {},
  logs = new LogCapture(),
  clock?: Clock,
  features?: readonly Feature[],
): Promise<TestContext> {
  const config = loadConfig(
    {
      WIJKWIJS_DATA_DIR: 'memory://',
      WIJKWIJS_KNOWLEDGE_DIR: path.join(repoRoot, 'knowledge'),
      LOG_LEVEL: 'info',
      // Tests ask far faster than people do; a test of the limit sets its own.
      WIJKWIJS_QUESTIONS_PER_MINUTE: '1000',
      ...env,
    },
    '/nonexistent/.env',
  );
  const ctx = await createContext(config, { logger: createLogger(config.logLevel, logs), clock, features });
  return Object.assign(ctx, { logs });
}
