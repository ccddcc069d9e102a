/**
 * The contract between the conversation core and what plugs into it: the Context every use case
 * receives (built once per process by src/app.ts) and the Feature a feature folder hands to the
 * core. They refer to each other, so they share this file.
 */
import type { JobDefinition } from '../jobs/job.ts';
import type { Embedder } from '../knowledge/embedder.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import type { Clock } from '../lib/clock.ts';
import type { Config } from '../lib/config.ts';
import type { Db, Transaction } from '../lib/db.ts';
import type { Logger } from '../lib/logger.ts';
import type { PeopleDirectory } from '../people/people-directory.ts';
import type { ChatModel } from './chat-model.ts';
import type { Messenger } from './messenger.ts';
import type { ChannelName, PromptSet, Reply, ReplyAction, Turn, TurnAction } from './reply.ts';
import type { ReplyPerson } from '../people/name-people.ts';

/** Everything a use case may need, built once per process from the configuration. */
export interface Context {
  config: Config;
  db: Db;
  logger: Logger;
  embedder: Embedder;
  synonyms: Synonyms;
  chatModel?: ChatModel;
  clock: Clock;
  /** Sends messages on the assistant's own initiative; channels register with it when they start. */
  messenger: Messenger;
  /** Where names of people come from; channels register their source when they start. */
  people: PeopleDirectory;
  /** The features plugged into the core (src/features.ts), in the order they are asked. */
  features: readonly Feature[];
  close(): Promise<void>;
}

/** Someone joined a team's linked channel (Slack member_joined_channel, Teams membersAdded). */
export interface MemberJoined {
  channel: ChannelName;
  teamId: string;
  userId: string;
  userName?: string;
}

/** A coach will be away (or is away from now on): features move what waits for them. */
export interface AbsenceMarked {
  teamId: string;
  userId: string;
  /** Local dates of the team, both inclusive. */
  startsOn: string;
  endsOn: string;
}

/** Lines for a team's lead, with the people they name (so Slack can mention them). */
export interface TeamOverview {
  lines: string[];
  people?: ReplyPerson[];
}

/** Rows a feature deleted or cleared because they expired; `kind` names them in the log, `label` for people. */
export interface ExpiredRows {
  kind: string;
  /** Dutch, plural-neutral, e.g. "casusconcept(en)". */
  label: string;
  count: number;
}

/**
 * What a feature (case drafts, consultations, intervisie, onboarding) adds to the conversation core.
 * Channels never know features: a command arrives as the text "/name …", a button as its action id.
 */
export interface Feature {
  /** Commands by name without the slash, e.g. `twintigogen`; `args` is the text after the name. */
  commands?: Record<string, (ctx: Context, turn: Turn, args: string) => Promise<Reply>>;
  /** Action ids `<actionPrefix>.…` go to `onAction`. */
  actionPrefix?: string;
  onAction?(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply>;
  onMemberJoined?(ctx: Context, event: MemberJoined): Promise<void>;
  /**
   * A short message that may be meant for this feature rather than a question, such as "verder" from
   * a newcomer in the onboarding programme; a reply takes the turn, undefined leaves it a question.
   */
  onShortText?(ctx: Context, turn: Turn, text: string): Promise<Reply | undefined>;
  /** One line per thing that waits for this user (a check to give, a session, a module); for /overzicht and the Slack Home. */
  overview?(ctx: Context, userId: string): Promise<string[]>;
  /** Lines for the team's leads in /overzicht, e.g. who reviewed how often, who is away. */
  teamOverview?(ctx: Context, teamId: string): Promise<TeamOverview>;
  /** A coach marked an absence: e.g. a check waiting for them goes to a colleague, sessions in it are named. */
  onAbsence?(ctx: Context, absence: AbsenceMarked): Promise<void>;
  /** Prompts for this user when they open a new chat with Wijkwijs, e.g. the next step for a newcomer; the first feature with some wins. */
  prompts?(ctx: Context, userId: string): Promise<PromptSet | undefined>;
  /** Buttons this feature offers under an answer, e.g. "Bespreek in het team". */
  answerActions?(turn: Turn, reply: Reply): ReplyAction[];
  jobs?: JobDefinition<any, Context>[];
  /**
   * Deletes what this feature keeps only for a while (texts a coach never confirmed). Runs with the
   * retention purge, in a transaction of its own that holds the purge lock; must be idempotent.
   */
  purgeExpired?(tx: Transaction, now: Date): Promise<ExpiredRows[]>;
}
