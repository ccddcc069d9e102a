import type { Context } from '../context.ts';
import type { JobDefinition } from '../jobs/job.ts';
import type { ChannelName, PromptSet, Reply, ReplyAction, Turn, TurnAction } from './reply.ts';

/** Someone joined a team's linked channel (Slack member_joined_channel, Teams membersAdded). */
export interface MemberJoined {
  channel: ChannelName;
  teamId: string;
  userId: string;
  userName?: string;
}

/**
 * What a feature (consultations, intervisie, onboarding) adds to the conversation core. Channels never
 * know features: a command arrives as the text "/name …", a button as its action id.
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
  /** Prompts for this user when they open a new chat with Wijkwijs, e.g. the next step for a newcomer; the first feature with some wins. */
  prompts?(ctx: Context, userId: string): Promise<PromptSet | undefined>;
  /** Buttons this feature offers under an answer, e.g. "Bespreek in het team". */
  answerActions?(turn: Turn, reply: Reply): ReplyAction[];
  jobs?: JobDefinition<any>[];
}
