/**
 * Slack modals: a Reply's form (its submit comes back as a Turn action with the fields by name), the
 * optional comment after feedback, and the passage behind a citation.
 */
import type { ReplyForm, ReplyFormField } from '../../assistant/reply.ts';
import { plain, section, SECTION_MAX, splitText, escape, truncate, type Block } from './blocks.ts';

export const VIEW = { form: 'wijkwijs.form', feedback: 'wijkwijs.feedback', passage: 'wijkwijs.passage' } as const;

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

/**
 * After a click on a feedback button: the rating is stored already, this asks for an optional
 * comment. It comes back with the rating, so the comment is stored with the right one.
 */
export function feedbackModal(answerId: string, rating: 'up' | 'down', metadata: { channel: string; threadTs?: string }): Block {
  const intro =
    rating === 'up'
      ? 'Dank je, je oordeel is bewaard. Wil je er iets bij zeggen, bijvoorbeeld wat het meest hielp?'
      : 'Dank je, je oordeel is bewaard. Wat klopte er niet, of wat miste je? Een korte toelichting helpt de antwoorden te verbeteren.';
  return {
    type: 'modal',
    callback_id: VIEW.feedback,
    private_metadata: JSON.stringify({ answerId, rating, ...metadata }),
    title: plain(rating === 'up' ? 'Fijn dat het hielp' : 'Wat klopte er niet?'),
    submit: plain('Versturen'),
    close: plain('Sluiten'),
    blocks: [
      section(`${intro} Zet er geen namen of gegevens van inwoners in.`),
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
