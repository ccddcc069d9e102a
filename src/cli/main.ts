import { parseArgs } from 'node:util';
import { handleTurn } from '../assistant/handle-turn.ts';
import { startSlack } from '../channels/slack/index.ts';
import { startMsTeams } from '../channels/msteams/index.ts';
import { createWebApp, startWebServer } from '../channels/web/server.ts';
import type { Context } from '../assistant/context.ts';
import { createContext } from '../app.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../knowledge/document.ts';
import { ingestFiles, type IngestProgress, type IngestSummary } from '../knowledge/ingest-files.ts';
import { searchPassages, type Passage } from '../knowledge/search-passages.ts';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { openDatabase } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { migrate } from '../lib/migrate.ts';
import { FEATURE_JOBS } from '../features.ts';
import { startJobWorker } from '../jobs/start-job-worker.ts';
import { startRetentionPurge } from '../data-protection/start-retention-purge.ts';
import { anonymiseCommand } from './anonymise-command.ts';
import { prepareLocalUse } from './prepare-local-use.ts';
import { privacyCommand } from './privacy-command.ts';
import { teamCommand } from './team-command.ts';
import { asksForHelp, commandHelp, HELP } from './usage.ts';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const usage = command && (asksForHelp(rest) || (['team', 'privacy'].includes(command) && rest[0] === 'help')) ? commandHelp(command) : undefined;
  if (usage) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'ask':
      return ask(rest);
    case 'search':
      return search(rest);
    case 'ingest':
      return ingest(rest);
    case 'migrate':
      return migrateCommand();
    case 'anonymise':
    case 'anonymize':
      return anonymiseCommand(rest);
    case 'team':
      return teamCommand(rest, (fn) => withContext('warn', fn));
    case 'privacy':
      return privacyCommand(rest, (fn) => withContext('warn', fn));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${(rest[0] && commandHelp(rest[0])) || HELP}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Onbekende opdracht "${command}".\n\n${HELP}\n`);
      return 2;
  }
}

/** Commands other than serve log only warnings by default: their output is the result itself. */
function config(defaultLogLevel: 'info' | 'warn') {
  return loadConfig({ LOG_LEVEL: defaultLogLevel, ...process.env });
}

async function withContext<T>(defaultLogLevel: 'info' | 'warn', fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await createContext(config(defaultLogLevel));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function parseType(value: string | undefined): DocumentType | undefined {
  if (value === undefined) return undefined;
  if (!(DOCUMENT_TYPES as readonly string[]).includes(value)) {
    throw new WijkwijsError('bad_request', `Onbekend type "${value}". Kies uit: ${DOCUMENT_TYPES.join(', ')}.`);
  }
  return value as DocumentType;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const env = { ...process.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) };
  const ctx = await createContext(loadConfig(env));
  try {
    await prepareLocalUse(ctx, (line) => process.stdout.write(`${line}\n`));
    const stopPurging = await startRetentionPurge(ctx);
    const stopJobs = startJobWorker(ctx, FEATURE_JOBS, ctx.config.jobIntervalMs);
    const web = createWebApp(ctx);
    // Teams, when configured, answers at /api/messages on this same app and port.
    const msTeams = await startMsTeams(ctx, web).catch(async (error: unknown) => {
      stopPurging();
      await stopJobs();
      throw error;
    });
    const running = await startWebServer(ctx, web).catch((error: unknown) => {
      stopPurging();
      throw error;
    });
    // Slack, when configured, is served by this process: /slack/events on the same app, or Socket Mode.
    const slack = await startSlack(ctx, web).catch(async (error: unknown) => {
      stopPurging();
      await running.close();
      throw error;
    });
    process.stdout.write(`Wijkwijs draait op ${running.url} — open dit adres in je browser. Stoppen: Ctrl+C.\n`);
    if (msTeams) process.stdout.write(`Teams staat aan (${running.url}/api/messages${ctx.config.msTeams?.appId ? '' : ', alleen voor de Emulator op deze computer'}).\n`);
    if (slack) process.stdout.write(`Slack staat aan (${ctx.config.slack?.mode === 'socket' ? 'Socket Mode' : `${running.url}/slack/events`}).\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    stopPurging();
    await stopJobs();
    await slack?.stop();
    await msTeams?.stop();
    await running.close();
    return 0;
  } finally {
    await ctx.close();
  }
}

async function ask(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const question = positionals.join(' ');
  return withContext('warn', async (ctx) => {
    await prepareLocalUse(ctx, (line) => process.stderr.write(`${line}\n`));
    const reply = await handleTurn(ctx, { channel: 'cli', userId: 'cli:local', teamId: ctx.config.defaultTeam, audience: 'private', text: question });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    } else {
      for (const notice of reply.notices) process.stdout.write(`(${notice})\n`);
      process.stdout.write(`${reply.text}\n`);
      if (reply.citations.length) {
        process.stdout.write('\nBronnen:\n');
        for (const c of reply.citations) process.stdout.write(`[${c.n}] ${c.title} — ${c.location} (${c.source})\n`);
      }
    }
    return 0;
  });
}

async function search(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: 'string' }, type: { type: 'string' }, team: { type: 'string' }, json: { type: 'boolean' } },
  });
  const limit = values.limit === undefined ? 5 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new WijkwijsError('bad_request', '--limit moet een geheel getal van 1 tot en met 50 zijn.');
  const type = parseType(values.type);
  return withContext('warn', async (ctx) => {
    const options = { limit, type, teamIds: [values.team ?? ctx.config.defaultTeam] };
    const present = (passages: Passage[]) => passages.map(({ id, source, title, location, type, score, text }) => ({ id, source, title, location, type, score, text }));
    if (positionals.length > 0) {
      const passages = present(await searchPassages(ctx, positionals.join(' '), options));
      if (values.json) process.stdout.write(`${JSON.stringify(passages)}\n`);
      else for (const [i, p] of passages.entries()) process.stdout.write(`${i + 1}. ${p.title} — ${p.location} (${p.score})\n   ${p.text.slice(0, 240).replace(/\s+/g, ' ')}…\n`);
      return 0;
    }
    // Batch mode: one question per line in, one JSON array per line out, in one warm process.
    let failed = 0;
    for await (const line of readLines(process.stdin)) {
      if (!line.trim()) {
        process.stdout.write('[]\n');
        continue;
      }
      try {
        process.stdout.write(`${JSON.stringify(present(await searchPassages(ctx, line, options)))}\n`);
      } catch (error) {
        failed++;
        process.stdout.write('[]\n');
        process.stderr.write(`${error instanceof WijkwijsError ? error.userMessage : 'Zoeken mislukt.'}\n`);
      }
    }
    return failed ? 1 : 0;
  });
}

async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  let buffer = '';
  for await (const chunk of stream) {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      yield buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
    }
  }
  if (buffer) yield buffer;
}

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: 'string' }, team: { type: 'string' }, prune: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new WijkwijsError('bad_request', 'Noem minstens één bestand of map om in te lezen, bijvoorbeeld: wijkwijs ingest ./handboek.pdf');
  const type = parseType(values.type);
  return withContext('warn', async (ctx) => {
    const summary = await ingestFiles(ctx, { paths: positionals, type, teamId: values.team, prune: values.prune, onProgress: values.json ? undefined : progressPrinter() });
    if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else printSummary(summary);
    return summary.failed.length ? 1 : 0;
  });
}

const STATUS_WORDS: Record<IngestProgress['status'], string> = { added: 'toegevoegd', updated: 'bijgewerkt', repaired: 'hersteld', unchanged: 'ongewijzigd', failed: 'MISLUKT' };

function progressPrinter(): (p: IngestProgress) => void {
  const tty = process.stderr.isTTY;
  return (p) => {
    const replaced = p.anonymised ? `, ${p.anonymised} persoonsgegeven(s) vervangen` : '';
    const detail = p.status === 'failed' ? `: ${p.message}` : p.chunks !== undefined ? ` (${p.chunks} passages${replaced})` : '';
    const line = `[${p.index}/${p.total}] ${p.file} — ${STATUS_WORDS[p.status]}${detail}`;
    if (tty) process.stderr.write(`\r\x1b[2K${line}${p.index === p.total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

function printSummary(s: IngestSummary): void {
  const seconds = (s.durationMs / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  process.stdout.write(
    `Klaar in ${seconds} s: ${s.added} toegevoegd, ${s.updated} bijgewerkt, ${s.repaired} hersteld, ${s.unchanged} ongewijzigd, ${s.removed} verwijderd, ${s.failed.length} mislukt; ${s.chunks} passages in deze bestanden.\n`,
  );
  if (s.repaired) process.stdout.write(`Van ${s.repaired} ongewijzigd(e) bestand(en) ontbraken passages in de index (een eerdere inleesronde werd afgebroken); ze zijn opnieuw ingelezen.\n`);
  if (s.statisticsRepaired) process.stdout.write('De zoekstatistieken klopten niet met de passages en zijn opnieuw geteld; alles is weer vindbaar.\n');
  for (const d of s.documents.filter((d) => d.status !== 'unchanged')) process.stdout.write(`  + ${d.title} (${d.type}, ${d.chunks} passages${describeReplaced(d.anonymised)})\n`);
  for (const f of s.failed) process.stderr.write(`  ! ${f.file}: ${f.message}\n`);
}

/** Counts per kind, e.g. ", geanonimiseerd: 2 PERSOON, 1 BSN"; never the text that was replaced. */
function describeReplaced(replaced: IngestSummary['documents'][number]['anonymised']): string {
  if (!replaced) return '';
  const kinds = Object.entries(replaced).map(([type, n]) => `${n} ${type}`);
  return kinds.length ? `, geanonimiseerd: ${kinds.join(', ')}` : ', geanonimiseerd: niets gevonden';
}

async function migrateCommand(): Promise<number> {
  const cfg = config('warn');
  const db = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  try {
    const applied = await migrate(db.sql);
    process.stdout.write(applied.length ? `Toegepast: ${applied.join(', ')}\n` : 'Het databaseschema is al bijgewerkt.\n');
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const option = optionProblem(error);
    if (option) {
      process.stderr.write(`Fout: ${option}\n`);
      process.exitCode = 2;
    } else if (error instanceof WijkwijsError || error instanceof ConfigError) {
      process.stderr.write(`Fout: ${error instanceof WijkwijsError ? error.userMessage : error.message}\n`);
      process.exitCode = error instanceof WijkwijsError && error.code === 'bad_request' ? 2 : 1;
    } else {
      process.stderr.write(`Onverwachte fout: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);

/** parseArgs reports wrong options in English; say it in Dutch, with where to look. */
function optionProblem(error: unknown): string | undefined {
  const code = (error as { code?: string } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const what = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
  const command = process.argv[2] ?? '';
  const help = `Zie: wijkwijs ${command} --help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Onbekende optie ${what}. ${help}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `De optie ${what.split(' ')[0]} verwacht een waarde (of juist niet). ${help}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Onverwacht argument ${what}. ${help}`;
  return `Deze opties kloppen niet. ${help}`;
}
