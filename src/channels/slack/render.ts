/**
 * The one Block Kit renderer for every core Reply: answer text with [n] markers, numbered sources
 * with a button to read the passage, the Reply's own buttons (👍/👎 and "Vraag een collega" among
 * them), "Deel in kanaal" and, for a Reply with a form, a button that opens it as a modal. Features know nothing of this.
 */
import { slackUserOf } from './payloads.ts';
import type { Citation, Reply, ReplyAction, ReplyForm, ReplyFormField, ReplyPerson } from '../../assistant/reply.ts';

// Action ids: one prefix, so a single Bolt listener routes every click.
export const ACTION = {
  passage: 'wijkwijs.passage',
  feedbackUp: 'wijkwijs.feedback.up',
  feedbackDown: 'wijkwijs.feedback.down',
  share: 'wijkwijs.share',
  openForm: 'wijkwijs.form.open',
  /** The form of a message Wijkwijs sent on its own: the value is the notification id, so anyone it was for can open it. */
  openNotificationForm: 'wijkwijs.form.notification',
  /** A Reply action of a feature: `wijkwijs.act:<index>` with the action's own id in the value. */
  replyAction: 'wijkwijs.act',
} as const;

export const VIEW = { form: 'wijkwijs.form', feedback: 'wijkwijs.feedback', passage: 'wijkwijs.passage' } as const;

// Slack's limits: 3000 characters per section text, 2000 per button value, 75 per button text,
// 50 blocks per message, 24 per modal title and button label.
const SECTION_MAX = 3000;
const SOURCES_SHOWN = 8;

/** A Block Kit object; typed loosely on purpose, Slack validates the shapes (and the tests read them). */
export type Block = { type: string; [key: string]: unknown };
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
  for (const part of splitText(mentionPeople(toMrkdwn(reply.text), reply.people, escape), SECTION_MAX)) blocks.push(section(part));

  if (reply.citations.length) {
    blocks.push({ type: 'divider' });
    blocks.push(context('*Bronnen*'));
    for (const c of reply.citations.slice(0, SOURCES_SHOWN)) blocks.push(sourceBlock(c));
    if (reply.citations.length > SOURCES_SHOWN) blocks.push(context(`En nog ${reply.citations.length - SOURCES_SHOWN} bronnen.`));
  }

  const buttons: Block[] = reply.actions.map((a, i) => actionButton(a, i));
  if (reply.form && options.notificationId) {
    buttons.unshift(button(`📝 ${reply.form.title}`, ACTION.openNotificationForm, options.notificationId, 'primary'));
  } else if (reply.form && options.formId) {
    buttons.unshift(button(`📝 ${reply.form.title}`, ACTION.openForm, options.formId, 'primary'));
  }
  if (options.share && reply.answerId) buttons.push(button('📣 Deel in kanaal', ACTION.share, reply.answerId));
  if (buttons.length) blocks.push({ type: 'actions', block_id: 'wijkwijs.actions', elements: buttons.slice(0, 25) });

  return { text: fallbackText(reply), blocks: blocks.slice(0, 50) };
}

/** A short status shown while the answer is on its way; it is replaced in place. */
export function renderWorking(): SlackMessage {
  const text = '⏳ Even zoeken in de bronnen…';
  return { text, blocks: [context(text)] };
}

export function renderNotice(text: string): SlackMessage {
  return { text, blocks: [section(escape(text))] };
}

function sourceBlock(c: Citation): Block {
  const where = [c.location, c.reference].filter(Boolean).map((s) => escape(s!)).join(' · ');
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(`*[${c.n}]* ${escape(c.title)}${where ? `\n${where}` : ''}`, SECTION_MAX) },
    accessory: button('Bekijk passage', `${ACTION.passage}:${c.n}`, c.passageId),
  };
}

function actionButton(a: ReplyAction, index: number): Block {
  if (a.id === 'feedback.up') return button(a.label, ACTION.feedbackUp, a.value);
  if (a.id === 'feedback.down') return button(a.label, ACTION.feedbackDown, a.value);
  // Features add buttons without Slack knowing them: their id travels in the value.
  return button(a.label, `${ACTION.replyAction}:${index}`, JSON.stringify({ id: a.id, value: a.value }), a.style);
}

function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Block {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, 75), emoji: true },
    value: value.slice(0, 2000),
    ...(style ? { style } : {}),
  };
}

/** The modal for a Reply's form; its submit comes back as a Turn action with the fields by name. */
export function formModal(form: ReplyForm, metadata: FormMetadata): Block {
  return {
    type: 'modal',
    callback_id: VIEW.form,
    private_metadata: JSON.stringify(metadata),
    notify_on_close: Boolean(form.cancel),
    title: plain(truncate(form.title, 24)),
    submit: plain(truncate(form.submit.label, 24)),
    close: plain(truncate(form.cancel?.label ?? 'Sluiten', 24)),
    blocks: form.fields.flatMap((f) => fieldBlocks(f)),
  };
}

/**
 * One field as input block(s). Block ids are `field:<name>` (`#<part>` for a long text), so the
 * submit comes back by name whatever the element type.
 */
function fieldBlocks(f: ReplyFormField): Block[] {
  const label = (text: string) => plain(truncate(text, 2000));
  const common = (blockId: string, withHint = true) => ({
    type: 'input',
    block_id: blockId,
    optional: Boolean(f.optional),
    label: label(f.label),
    ...(f.hint && withHint ? { hint: plain(truncate(f.hint, 2000)) } : {}),
  });
  const options = (f.options ?? []).slice(0, 100).map((o) => ({ text: plain(truncate(o.label, 75)), value: o.value.slice(0, 150) }));
  switch (f.kind) {
    case 'select':
      // A select without choices cannot be shown by Slack; free text still lets the user answer.
      if (!options.length) break;
      return [
        {
          ...common(`field:${f.name}`),
          element: {
            type: 'static_select',
            action_id: 'value',
            placeholder: plain('Maak een keuze'),
            options,
            ...withInitial('initial_option', options.find((o) => o.value === f.value)),
          },
        },
      ];
    case 'date':
      return [{ ...common(`field:${f.name}`), element: { type: 'datepicker', action_id: 'value', ...withInitial('initial_date', /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? f.value : undefined) } }];
    case 'time':
      return [{ ...common(`field:${f.name}`), element: { type: 'timepicker', action_id: 'value', ...withInitial('initial_time', /^\d{2}:\d{2}$/.test(f.value) ? f.value : undefined) } }];
    case 'number':
      return [
        {
          ...common(`field:${f.name}`),
          element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, ...withInitial('initial_value', /^-?\d+$/.test(f.value.trim()) ? f.value.trim() : undefined) },
        },
      ];
  }
  // A Slack input holds at most 3000 characters: a longer value is spread over several inputs
  // ("field:<name>#<part>") and joined again on submit, so nothing is cut off unseen.
  return inputParts(f.value).map((part, i, parts) => ({
    ...common(`field:${f.name}#${i}`, i === 0),
    optional: Boolean(f.optional) || i > 0,
    label: label(parts.length > 1 ? `${f.label} (deel ${i + 1} van ${parts.length})` : f.label),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: Boolean(f.multiline || parts.length > 1),
      max_length: INPUT_MAX,
      ...(part ? { initial_value: part } : {}),
    },
  }));
}

function withInitial<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const INPUT_MAX = 3000;

/** Cuts at whitespace and keeps it, so joining the parts gives back exactly the value. */
function inputParts(value: string): string[] {
  const parts: string[] = [];
  let rest = value;
  while (rest.length > INPUT_MAX) {
    let cut = rest.lastIndexOf(' ', INPUT_MAX - 1);
    if (cut < INPUT_MAX / 2) cut = INPUT_MAX - 1;
    parts.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  }
  parts.push(rest);
  return parts;
}

/** The submitted fields by name, with the parts of a long field joined in order. */
export function formFields(values: Record<string, string>): Record<string, string> {
  const parts = new Map<string, { i: number; text: string }[]>();
  for (const [key, text] of Object.entries(values)) {
    const [name, index] = key.split('#') as [string, string | undefined];
    parts.set(name, [...(parts.get(name) ?? []), { i: Number(index ?? 0), text }]);
  }
  return Object.fromEntries([...parts].map(([name, list]) => [name, list.sort((a, b) => a.i - b.i).map((p) => p.text).join('')]));
}

export interface FormMetadata {
  formId: string;
  submitId: string;
  cancelId?: string;
  /** Where the answer to the submit goes. */
  channel: string;
  threadTs?: string;
  /** The team the form belongs to (of the linked channel or the notification it came from). */
  teamId?: string;
  /** The message whose button opened the form, for a reply that replaces it. */
  sourceTs?: string;
}

export function feedbackModal(answerId: string, metadata: { channel: string; threadTs?: string }): Block {
  return {
    type: 'modal',
    callback_id: VIEW.feedback,
    private_metadata: JSON.stringify({ answerId, ...metadata }),
    title: plain('Wat klopte er niet?'),
    submit: plain('Versturen'),
    close: plain('Annuleren'),
    blocks: [
      section('Dank je dat je het laat weten. Een korte toelichting helpt ons het antwoord te verbeteren. Zet er geen namen of gegevens van inwoners in.'),
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: plain('Toelichting (mag leeg blijven)'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
      },
    ],
  };
}

export function passageModal(c: { title: string; location: string; text: string }): Block {
  return {
    type: 'modal',
    callback_id: VIEW.passage,
    title: plain('Passage uit de bron'),
    close: plain('Sluiten'),
    blocks: [
      section(`*${escape(c.title)}*\n${escape(c.location)}`),
      { type: 'divider' },
      ...splitText(escape(c.text), SECTION_MAX).map((part) => section(part)),
    ].slice(0, 100),
  };
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_MAX) }] };
}

function plain(text: string) {
  return { type: 'plain_text', text, emoji: true };
}

/** Slack reads &, < and > as markup; user and document text must not become mentions or links. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The core writes light Markdown; Slack's mrkdwn uses single asterisks for bold. */
function toMrkdwn(text: string): string {
  return escape(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** The notification and screen-reader text: the answer with its sources in plain words. */
function fallbackText(reply: Reply): string {
  const sources = reply.citations.map((c) => `[${c.n}] ${c.title} — ${c.location}`).join('\n');
  const text = mentionPeople(reply.text, reply.people, (name) => name);
  return truncate(sources ? `${text}\n\nBronnen:\n${sources}` : text, 3000);
}

/**
 * The names the core wrote for Slack users become mentions (`<@U…>`), which Slack shows by their
 * current name and links to them. A name two people share stays a name: it could be either.
 * `encode` is how the name appears in `text` (escaped in mrkdwn sections).
 */
export function mentionPeople(text: string, people: readonly ReplyPerson[] = [], encode: (name: string) => string): string {
  const byName = new Map<string, Set<string>>();
  for (const p of people) byName.set(p.name, (byName.get(p.name) ?? new Set()).add(p.userId));
  const mentions = [...byName]
    .map(([name, ids]) => ({ name, slackUser: ids.size === 1 ? slackUserOf([...ids][0]!) : undefined }))
    .filter((m): m is { name: string; slackUser: string } => Boolean(m.slackUser))
    // Longer names first, so "Anna de Vries" is not taken for "Anna".
    .sort((a, b) => b.name.length - a.name.length);
  let out = text;
  for (const m of mentions) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}@])${encode(m.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    out = out.replace(pattern, `<@${m.slackUser}>`);
  }
  return out;
}

/** Splits at line breaks where possible so a long answer spreads over several sections. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
