import { spawn } from 'node:child_process';
import { repoRoot } from './context.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `wijkwijs <args>` as a real process on the given data directory, the way an operator does.
 * Knowledge is not auto-ingested, so each test chooses what is indexed.
 */
export function runCli(args: string[], options: { dataDir?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${repoRoot}/bin/wijkwijs.js`, ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        WIJKWIJS_AUTO_INGEST: 'false',
        ...(options.dataDir ? { WIJKWIJS_DATA_DIR: options.dataDir } : {}),
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
