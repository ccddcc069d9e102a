import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

const envSchema = z.object({
  WIJKWIJS_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalUrl,
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WIJKWIJS_WEB_TOKEN: optionalString,
  WIJKWIJS_PUBLIC_URL: optionalUrl,
  WIJKWIJS_KNOWLEDGE_DIR: z.string().default('./knowledge'),
  WIJKWIJS_AUTO_INGEST: z.enum(['true', 'false']).default('true'),
  WIJKWIJS_DEFAULT_TEAM: z.string().default('wijkteam'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_CHAT_MODEL: optionalString,
  OPENAI_EMBEDDING_MODEL: optionalString,
  // pgvector's HNSW index takes vectors of at most 2,000 dimensions.
  OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(16).max(2000, 'hooguit 2000 (de grens van de HNSW-index van pgvector)').default(256),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  WIJKWIJS_MAX_QUESTION_CHARS: z.coerce.number().int().min(10).default(2000),
  WIJKWIJS_QUESTIONS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  WIJKWIJS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  WIJKWIJS_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  WIJKWIJS_ADMINS: z.string().default(''),
  WIJKWIJS_SOURCE_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(36500).default(730),
  WIJKWIJS_JOB_INTERVAL_MS: z.coerce.number().int().min(100).default(15000),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_MODE: z.enum(['http', 'socket']).default('http'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  SLACK_HANDOFF_GROUP: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^S[A-Z0-9]+$/, 'een Slack-groep-id zoals S0123ABCD').optional()),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MICROSOFT_TEAMS_EMULATOR: z.enum(['true', 'false']).default('false'),
  MICROSOFT_OPENID_METADATA_URL: optionalUrl,
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  host: string;
  port: number;
  webToken?: string;
  /** Where people reach this server, for links in messages (calendar files); the local address by default. */
  publicUrl: string;
  knowledgeDir: string;
  autoIngest: boolean;
  defaultTeam: string;
  logLevel: Env['LOG_LEVEL'];
  maxQuestionChars: number;
  /** Questions one user may ask per minute, in all channels together. */
  questionsPerMinute: number;
  /** Conversations (with their answers and feedback) untouched for longer than this are purged. */
  retentionDays: number;
  /** Audit rows (who did what, ids only) older than this are purged; kept longer than conversations. */
  auditRetentionDays: number;
  /** Organisation admins made so at every start (the first admin of a fresh install), e.g. slack:T01:U02. */
  bootstrapAdmins: string[];
  /** A cited source whose review date is older than this many days comes with a warning. */
  sourceMaxAgeDays: number;
  /** How often a process looks for due reminders and time-outs. */
  jobIntervalMs: number;
  /** Present only when a Slack bot token is set: without it the app runs without Slack. */
  slack?: SlackConfig;
  /** Present when a Microsoft app id is set, or for the Bot Framework Emulator (loopback only). */
  msTeams?: MsTeamsConfig;
  openai: {
    apiKey?: string;
    baseUrl?: string;
    chatModel?: string;
    embeddingModel?: string;
    embeddingDimensions: number;
    timeoutMs: number;
  };
}

export class ConfigError extends Error {}

/** Parses the environment once; the only place in the project that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  const fromFile = existsSync(envFile) ? dotenv.config({ path: envFile, processEnv: {}, quiet: true }).parsed ?? {} : {};
  const parsed = envSchema.safeParse({ ...fromFile, ...env });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Ongeldige instelling in de omgeving: ${problems}`);
  }
  const e = parsed.data;
  return {
    // memory:// is PGlite's throw-away database, not a path.
    dataDir: e.WIJKWIJS_DATA_DIR.startsWith('memory://') ? e.WIJKWIJS_DATA_DIR : path.resolve(e.WIJKWIJS_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    webToken: e.WIJKWIJS_WEB_TOKEN,
    publicUrl: (e.WIJKWIJS_PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    knowledgeDir: path.resolve(e.WIJKWIJS_KNOWLEDGE_DIR),
    autoIngest: e.WIJKWIJS_AUTO_INGEST === 'true',
    defaultTeam: e.WIJKWIJS_DEFAULT_TEAM,
    logLevel: e.LOG_LEVEL,
    maxQuestionChars: e.WIJKWIJS_MAX_QUESTION_CHARS,
    questionsPerMinute: e.WIJKWIJS_QUESTIONS_PER_MINUTE,
    retentionDays: e.WIJKWIJS_RETENTION_DAYS,
    auditRetentionDays: e.WIJKWIJS_AUDIT_RETENTION_DAYS,
    bootstrapAdmins: e.WIJKWIJS_ADMINS.split(',').map((id) => id.trim()).filter(Boolean),
    sourceMaxAgeDays: e.WIJKWIJS_SOURCE_MAX_AGE_DAYS,
    jobIntervalMs: e.WIJKWIJS_JOB_INTERVAL_MS,
    slack: slackConfig(e),
    msTeams: msTeamsConfig(e),
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      chatModel: e.OPENAI_CHAT_MODEL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
      embeddingDimensions: e.OPENAI_EMBEDDING_DIMENSIONS,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
    },
  };
}

export interface SlackConfig {
  /** "http": Slack posts to /slack/events (signing secret); "socket": we connect out (app token). */
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Web API base URL ending in /api/ (proxies, tests); Slack's own when unset. */
  apiUrl?: string;
  /** Slack user group mentioned on hand-off requests when a team channel names none. */
  handoffGroup?: string;
}

function slackConfig(e: Env): SlackConfig | undefined {
  if (!e.SLACK_BOT_TOKEN) return undefined;
  if (e.SLACK_MODE === 'http' && !e.SLACK_SIGNING_SECRET) throw new ConfigError('Slack in HTTP-modus heeft SLACK_SIGNING_SECRET nodig (Basic Information → Signing Secret).');
  if (e.SLACK_MODE === 'socket' && !e.SLACK_APP_TOKEN) throw new ConfigError('Slack in Socket Mode heeft SLACK_APP_TOKEN nodig (een app-token xapp-… met connections:write).');
  // The Web API client appends method names to the base URL; without the slash they would glue on.
  const apiUrl = e.SLACK_API_URL && !e.SLACK_API_URL.endsWith('/') ? `${e.SLACK_API_URL}/` : e.SLACK_API_URL;
  return { mode: e.SLACK_MODE, botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl, handoffGroup: e.SLACK_HANDOFF_GROUP };
}

export interface MsTeamsConfig {
  /** The bot's Microsoft app id; without it requests are not authenticated (Emulator on loopback only). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where the signing keys of incoming tokens are published; Microsoft's own when unset (tests, proxies). */
  openIdMetadataUrl?: string;
}

function msTeamsConfig(e: Env): MsTeamsConfig | undefined {
  if (!e.MICROSOFT_APP_ID && e.MICROSOFT_TEAMS_EMULATOR !== 'true') return undefined;
  const appType = e.MICROSOFT_APP_TYPE ?? (e.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant');
  if (e.MICROSOFT_APP_ID) {
    if (appType !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) throw new ConfigError('Teams heeft MICROSOFT_APP_PASSWORD nodig (het clientgeheim van de app-registratie), of MICROSOFT_APP_TYPE=UserAssignedMSI.');
    if (appType !== 'MultiTenant' && !e.MICROSOFT_APP_TENANT_ID) throw new ConfigError(`Teams met MICROSOFT_APP_TYPE=${appType} heeft MICROSOFT_APP_TENANT_ID nodig (de tenant-id van je organisatie).`);
  }
  return { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, appType, openIdMetadataUrl: e.MICROSOFT_OPENID_METADATA_URL };
}
