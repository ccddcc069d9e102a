/**
 * The one Block Kit renderer for every core Reply: answer text with [n] markers, how the answer was
 * made, numbered sources (date, owner, a warning for an old one) with a button to read the passage,
 * Slack's own feedback buttons, the Reply's buttons ("Vraag een collega" among them), "Deel in
 * kanaal" and, for a Reply with a form, a button that opens it as a modal. Features know nothing of this.
 */
import type { Citation, Reply, ReplyAction } from '../../assistant/reply.ts';
import type { ReplyPerson } from '../../people/name-people.ts';
import { button, context, escape, section, SECTION_MAX, splitText, truncate, type Block } from './blocks.ts';
import { slackUserOf } from './payloads.ts';

export { escape, splitText, type Block } from './blocks.ts';
export { feedbackModal, formFields, formModal, passageModal, VIEW, type FormMetadata } from './modals.ts';

// Action ids: one prefix, so a single Bolt listener routes every click.
export const ACTION = {
  passage: 'wijkwijs.passage',
  /** Slack's feedback buttons element; its value is `up:<answerId>` or `down:<answerId>`. */
  feedback: 'wijkwijs.feedback',
  /** The 👍 and 👎 buttons of messages posted before the feedback buttons element. */
  feedbackUp: 'wijkwijs.feedback.up',
  feedbackDown: 'wijkwijs.feedback.down',
  share: 'wijkwijs.share',
  openForm: 'wijkwijs.form.open',
  /** The form of a message Wijkwijs sent on its own: the value is the notification id, so anyone it was for can open it. */
  openNotificationForm: 'wijkwijs.form.notification',
  /** A Reply action of a feature: `wijkwijs.act:<index>` with the action's own id in the value. */
  replyAction: 'wijkwijs.act',
} as const;

const SOURCES_SHOWN = 8;
const MESSAGE_BLOCKS_MAX = 50;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Add "Deel in kanaal" for a private answer (/vraag). */
  share?: boolean;
  /** The id of the stored form when the Reply has one. */
  formId?: string;
  /** For a message sent on the assistant's own initiative: its form opens from the stored notification. */
  notificationId?: string;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const blocks: Block[] = [];
  for (const notice of reply.notices) blocks.push(context(`ℹ️ ${escape(notice)}`));
  for (const part of splitText(mentionPeople(toMrkdwn(reply.text), reply.people), SECTION_MAX)) blocks.push(section(part));
  blocks.push(...renderAnswerDetails(reply, options, false));
  return { text: fallbackText(reply), blocks: blocks.slice(0, MESSAGE_BLOCKS_MAX) };
}

/**
 * Everything under the answer text: how it was made, the sources, the feedback buttons and the
 * other buttons. A streamed answer gets these when its stream stops (`withNotices`: the notices
 * too, which a streamed message could not show above its text).
 */
export function renderAnswerDetails(reply: Reply, options: RenderOptions = {}, withNotices = true): Block[] {
  const blocks: Block[] = withNotices ? reply.notices.map((notice) => context(`ℹ️ ${escape(notice)}`)) : [];
  if (reply.origin) blocks.push(context(escape(reply.origin)));
  if (reply.citations.length) {
    blocks.push({ type: 'divider' });
    blocks.push(context('*Bronnen*'));
    for (const c of reply.citations.slice(0, SOURCES_SHOWN)) blocks.push(sourceBlock(c));
    if (reply.citations.length > SOURCES_SHOWN) blocks.push(context(`En nog ${reply.citations.length - SOURCES_SHOWN} bronnen.`));
  }
  const feedback = reply.actions.filter(isFeedback);
  if (feedback.length === 2) blocks.push(feedbackBlock(feedback));

  const buttons: Block[] = reply.actions.map((a, i) => (isFeedback(a) ? undefined : actionButton(a, i))).filter((b): b is Block => Boolean(b));
  const formButtonId = options.notificationId ? ACTION.openNotificationForm : options.formId ? ACTION.openForm : undefined;
  if (reply.form && formButtonId) {
    buttons.unshift(button(`Open het formulier: ${reply.form.title}`, formButtonId, options.notificationId ?? options.formId!, 'primary'));
  }
  if (options.share && reply.answerId) buttons.push(button('Deel in kanaal', ACTION.share, reply.answerId, undefined, 'Deel in kanaal: dit antwoord voor iedereen hier'));
  if (buttons.length) blocks.push({ type: 'actions', block_id: 'wijkwijs.actions', elements: buttons.slice(0, 25) });
  return blocks.slice(0, MESSAGE_BLOCKS_MAX);
}

/** A short status shown while the answer is on its way where Slack has no assistant status (a channel); it is replaced in place. */
export function renderWorking(text: string): SlackMessage {
  return { text, blocks: [context(escape(text))] };
}

export function renderNotice(text: string): SlackMessage {
  return { text: escape(text), blocks: [section(escape(text))] };
}

/** The answer text as a stream carries it: Markdown, with Slack's markup characters escaped as in the blocks. */
export function streamText(piece: string): string {
  return escape(piece);
}

function sourceBlock(c: Citation): Block {
  const where = [c.location, c.reference].filter(Boolean).map((s) => escape(s!)).join(' · ');
  const lines = [`*[${c.n}]* ${escape(c.title)}`, where, c.details && escape(c.details), c.warning && `:warning: ${escape(c.warning)}`].filter(Boolean);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SECTION_MAX) },
    accessory: button('Bekijk passage', `${ACTION.passage}:${c.n}`, c.passageId, undefined, `Bekijk de passage van bron ${c.n}`),
  };
}

const isFeedback = (a: ReplyAction) => a.id === 'feedback.up' || a.id === 'feedback.down';

/** Slack's feedback buttons element; Slack draws the thumbs, the labels say what they mean. */
function feedbackBlock(actions: ReplyAction[]): Block {
  const side = (id: string, rating: 'up' | 'down') => {
    const a = actions.find((x) => x.id === id)!;
    return { text: { type: 'plain_text', text: truncate(a.label, 75) }, value: `${rating}:${a.value}`, ...(a.description ? { accessibility_label: truncate(a.description, 75) } : {}) };
  };
  return {
    type: 'context_actions',
    block_id: 'wijkwijs.feedback',
    elements: [{ type: 'feedback_buttons', action_id: ACTION.feedback, positive_button: side('feedback.up', 'up'), negative_button: side('feedback.down', 'down') }],
  };
}

function actionButton(a: ReplyAction, index: number): Block {
  // Features add buttons without Slack knowing them: their id travels in the value.
  return button(a.label, `${ACTION.replyAction}:${index}`, JSON.stringify({ id: a.id, value: a.value }), a.style, a.description);
}

/** The core writes light Markdown; Slack's mrkdwn uses single asterisks for bold. */
function toMrkdwn(text: string): string {
  return escape(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** The notification and screen-reader text: the answer with its sources in plain words, escaped like the blocks. */
function fallbackText(reply: Reply): string {
  const sources = reply.citations.map((c) => `[${c.n}] ${c.title} — ${c.location}`).join('\n');
  return truncate(mentionPeople(escape(sources ? `${reply.text}\n\nBronnen:\n${sources}` : reply.text), reply.people), 3000);
}

/**
 * The names the core wrote for Slack users become mentions (`<@U…>`), which Slack shows by their
 * current name and links to them. A name two people share stays a name: it could be either. The
 * text is already escaped, so the name is matched as escaped too.
 */
export function mentionPeople(text: string, people: readonly ReplyPerson[] = []): string {
  const byName = new Map<string, Set<string>>();
  for (const p of people) byName.set(p.name, (byName.get(p.name) ?? new Set()).add(p.userId));
  const mentions = [...byName]
    .map(([name, ids]) => ({ name, slackUser: ids.size === 1 ? slackUserOf([...ids][0]!) : undefined }))
    .filter((m): m is { name: string; slackUser: string } => Boolean(m.slackUser))
    // Longer names first, so "Anna de Vries" is not taken for "Anna".
    .sort((a, b) => b.name.length - a.name.length);
  let out = text;
  for (const m of mentions) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}@])${escape(m.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    out = out.replace(pattern, `<@${m.slackUser}>`);
  }
  return out;
}
