import { recordCaseViews } from '../audit/record-case-views.ts';
import { rejectControlCharacters } from '../lib/control-characters.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { channelLink } from '../teams/channel-links.ts';
import { answerQuestion } from './answer-question.ts';
import type { Context, Feature, MemberJoined } from './context.ts';
import { notice } from './feature-kit.ts';
import { overviewReply } from './overview.ts';
import { recordFeedback } from './record-feedback.ts';
import type { AnswerProgress, Reply, Turn } from './reply.ts';
import { rememberThread, threadConversation } from './threads.ts';
import { rememberName } from '../people/remember-name.ts';

const COMMAND = /^\s*\/([a-z][a-z-]*)(?:\s+([\s\S]*))?$/i;

/**
 * The one entry point of the conversation core for every channel: a question or an action in, a Reply
 * out. A platform's channel becomes the team it is linked to, and its thread the conversation it
 * continues; a thread answered for the first time is remembered.
 */
export async function handleTurn(ctx: Context, incoming: Turn, progress?: AnswerProgress): Promise<Reply> {
  return inPlace(ctx, incoming, (turn) => dispatch(ctx, turn, progress));
}

/** A text that is a question whatever it looks like (never a command or a reply to a feature), e.g. a message asked about. */
export async function handleQuestion(ctx: Context, incoming: Turn & { text: string }, progress?: AnswerProgress): Promise<Reply> {
  return inPlace(ctx, incoming, (turn) => answer(ctx, { ...turn, text: incoming.text }, progress));
}

async function inPlace(ctx: Context, incoming: Turn, handle: (turn: Turn) => Promise<Reply>): Promise<Reply> {
  rejectControlCharacters(incoming);
  const turn = await resolvePlace(ctx, incoming);
  const reply = await handle(turn);
  if (turn.thread && reply.conversationId && reply.conversationId !== turn.conversationId) {
    await rememberThread(ctx.db.prisma, turn.thread, turn.userId, reply.conversationId);
  }
  return reply;
}

async function resolvePlace(ctx: Context, turn: Turn): Promise<Turn> {
  const teamId = turn.teamId ?? (await channelLink(ctx.db, turn.place))?.teamId;
  const conversationId = turn.conversationId ?? (turn.thread ? await threadConversation(ctx.db.prisma, turn.thread, turn.userId) : undefined);
  return { ...turn, teamId, conversationId };
}

async function dispatch(ctx: Context, turn: Turn, progress?: AnswerProgress): Promise<Reply> {
  if (turn.action) return handleAction(ctx, turn, turn.action);
  const command = COMMAND.exec(turn.text ?? '');
  if (command) {
    const name = command[1]!.toLowerCase();
    const handler = ctx.features.find((f) => f.commands?.[name])?.commands?.[name];
    if (handler) return handler(ctx, turn, (command[2] ?? '').trim());
    if (name === 'overzicht') return overviewReply(ctx, turn);
    const names = commandNames(ctx.features).map((n) => `/${n}`).join(', ');
    const lead = name === 'hulp' || name === 'help' ? 'Stel gewoon je vraag; ik antwoord met bronnen.' : `De opdracht /${name} ken ik niet. Je kunt gewoon een vraag typen.`;
    return notice(turn, `${lead} Opdrachten: ${names}. Typ een opdracht zonder meer voor uitleg of een formulier.`);
  }
  const short = shortText(turn.text);
  for (const feature of short ? ctx.features : []) {
    const reply = await feature.onShortText?.(ctx, turn, short!);
    if (reply) return reply;
  }
  return answer(ctx, turn, progress);
}

async function answer(ctx: Context, turn: Turn, progress?: AnswerProgress): Promise<Reply> {
  const reply = await answerQuestion(ctx, { ...turn, text: turn.text ?? '' }, progress);
  // Quoting a case discussion shows it to the asker: that goes into the audit trail.
  const casePassages = reply.citations.filter((c) => c.type === 'casus').map((c) => c.passageId);
  await recordCaseViews(ctx.db, { actorId: turn.userId, passageIds: casePassages });
  return { ...reply, actions: [...reply.actions, ...ctx.features.flatMap((f) => f.answerActions?.(turn, reply) ?? [])] };
}

/** "verder", "sla over": two words at most, without a question mark; lower case. */
function shortText(text: string | undefined): string | undefined {
  const t = (text ?? '').trim().toLowerCase().replace(/[.!]+$/, '');
  return t && !t.includes('?') && t.split(/\s+/).length <= 2 ? t : undefined;
}

/** Every command the core answers, without the slash: its own and those of the features. */
export function commandNames(features: readonly Feature[]): string[] {
  return ['overzicht', ...features.flatMap((f) => Object.keys(f.commands ?? {}))];
}

/** A member joined a linked team channel: every feature that cares hears of it. */
export async function handleMemberJoined(ctx: Context, event: MemberJoined): Promise<void> {
  await rememberName(ctx, event.userId, event.userName);
  for (const feature of ctx.features) await feature.onMemberJoined?.(ctx, event);
}

async function handleAction(ctx: Context, turn: Turn, action: NonNullable<Turn['action']>): Promise<Reply> {
  switch (action.id) {
    case 'feedback.up':
    case 'feedback.down': {
      if (!action.value) throw new WijkwijsError('bad_request', 'Bij deze feedback ontbreekt het antwoord waar hij over gaat.');
      const rating = action.id === 'feedback.up' ? 1 : -1;
      await recordFeedback(ctx.db.prisma, { answerId: action.value, userId: turn.userId, rating, comment: action.comment });
      return notice(turn, rating > 0 ? 'Dank je! Fijn dat het hielp.' : 'Dank je voor je eerlijke oordeel. We gebruiken het om de antwoorden te verbeteren.');
    }
  }
  const prefix = action.id.split('.')[0];
  const feature = ctx.features.find((f) => f.actionPrefix === prefix && f.onAction);
  if (feature) return feature.onAction!(ctx, turn, action);
  throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer). Stel je vraag gerust opnieuw.');
}
