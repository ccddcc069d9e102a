/** Block Kit building blocks and Slack's text rules, shared by the message and modal renderers. */

/** A Block Kit object; typed loosely on purpose, Slack validates the shapes (and the tests read them). */
export type Block = { type: string; [key: string]: unknown };

// Slack's limits: 3000 characters per section text, 2000 per button value, 75 per button text and
// accessibility label, 50 blocks per message, 24 per modal title and button label.
export const SECTION_MAX = 3000;

export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

export function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_MAX) }] };
}

export function plain(text: string) {
  return { type: 'plain_text', text, emoji: true };
}

/** A button; `description` is read out by screen readers instead of the label, when the label alone does not say enough. */
export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger', description?: string): Block {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, 75), emoji: true },
    value: value.slice(0, 2000),
    ...(style ? { style } : {}),
    ...(description ? { accessibility_label: truncate(description, 75) } : {}),
  };
}

/** Slack reads &, < and > as markup; user and document text must not become mentions or links. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
