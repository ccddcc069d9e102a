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

export interface RunningCli {
  url: string;
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `wijkwijs serve` as a real process on a free port and resolves once it listens; rejects
 * with its output when it exits first.
 */
export function startServe(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [`${repoRoot}/bin/wijkwijs.js`, 'serve', '--port', '0'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      WIJKWIJS_AUTO_INGEST: 'false',
      WIJKWIJS_JOB_INTERVAL_MS: '60000',
      ...(options.dataDir ? { WIJKWIJS_DATA_DIR: options.dataDir } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      const url = /draait op (http:\/\/\S+) /.exec(output)?.[1];
      if (url) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (more) => (output += more));
        resolve({
          url,
          pid: child.pid!,
          output: () => output,
          exited,
          stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    void exited.then(({ code, signal }) => reject(new Error(`serve stopped before listening (${code ?? signal}):\n${output}`)));
  });
}
