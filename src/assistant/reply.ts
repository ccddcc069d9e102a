/** Channel-neutral input and output of the conversation core; Slack, Teams and the web chat adapt them. */

export type ChannelName = 'web' | 'cli' | 'slack' | 'msteams';

/**
 * Who reads a reply: 'private' when only the person who asked sees it (a DM, /vraag, a click answered
 * only to them, a Teams personal chat, the web chat, the command line); 'shared' when everyone in the
 * place sees it (a channel, a thread in it, a group chat).
 */
export type Audience = 'private' | 'shared';

export interface Turn {
  channel: ChannelName;
  /** Channel-qualified user id, e.g. "web:local" or "slack:T01:U02". */
  userId: string;
  userName?: string;
  /** The team the place is linked to (a linked Slack or Teams channel); a claim only, never a grant. */
  teamId?: string;
  /**
   * Where the reply will be read. It limits what the reply may cite (see `citableTeamIds`): a shared
   * place gets only what everyone reading may see. Every channel sets it; when left out, the web chat
   * and the command line count as private and Slack and Teams as shared.
   */
  audience?: Audience;
  /**
   * The platform channel the turn comes from, e.g. "slack:T01:C02" or "msteams:19:…@thread.tacv2";
   * the core looks up the team it is linked to. A DM or personal chat has none.
   */
  place?: string;
  /**
   * The platform thread the turn belongs to, e.g. "slack:T01:C02:1700000000.000100"; the core
   * continues the conversation of that thread for this user. The web chat passes `conversationId`.
   */
  thread?: string;
  conversationId?: string;
  text?: string;
  action?: TurnAction;
}

export interface TurnAction {
  id: string;
  value?: string;
  comment?: string;
  /** The submitted form fields by name, for the submit action of a `ReplyForm`. */
  fields?: Record<string, string>;
}

export interface Citation {
  /** The number used in the answer text as [n]. */
  n: number;
  passageId: string;
  title: string;
  location: string;
  /** The indexed file. */
  source: string;
  /** What the document is based on, from its front matter (e.g. handbook page via a study). */
  reference: string | null;
  type: string;
  /** The passage itself, so a channel can show it on request. */
  passage: string;
}

export interface ReplyAction {
  id: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

export type ReplyMode = 'model' | 'extractive' | 'not-found' | 'notice';

export interface Reply {
  conversationId: string;
  answerId?: string;
  /** Dutch text; claims carry [n] markers that refer to `citations`. */
  text: string;
  citations: Citation[];
  actions: ReplyAction[];
  mode: ReplyMode;
  /** Said next to the answer, e.g. that personal data was left out of the question. */
  notices: string[];
  /** Something for the user to check and submit, e.g. an anonymised case text before it is stored. */
  form?: ReplyForm;
  /**
   * For a reply to a button: replace the message that carried the button (a Slack chat.update, a
   * Teams card updated in place, the web chat's bubble) instead of sending a new one; e.g. an
   * announcement whose RSVP count changed.
   */
  replacesSource?: boolean;
  /**
   * A message for a whole team that asks for its attention ("Vraag een collega"): a channel that can
   * call a group of people at once (a Slack user group) does so.
   */
  callsTeam?: boolean;
}

/**
 * A small form a channel renders (HTML form, Block Kit modal, Adaptive Card). Its submit and cancel
 * buttons come back as a Turn action with that button's id, `value` set to the form's `id` and, for
 * submit, the edited `fields` by name.
 */
export interface ReplyForm {
  id: string;
  title: string;
  fields: ReplyFormField[];
  submit: { id: string; label: string };
  cancel?: { id: string; label: string };
}

export interface ReplyFormField {
  name: string;
  label: string;
  value: string;
  /** Free text unless said otherwise; a date is "YYYY-MM-DD", a time "HH:mm". */
  kind?: 'text' | 'select' | 'date' | 'time' | 'number';
  multiline?: boolean;
  /** The choices of a select field. */
  options?: { value: string; label: string }[];
  optional?: boolean;
  /** A short help text under the field. */
  hint?: string;
}

/** A plain message without sources, e.g. a confirmation, a question to a colleague or a reminder. */
export function noticeReply(text: string, extra: Partial<Reply> = {}): Reply {
  return { conversationId: '', text, citations: [], actions: [], mode: 'notice', notices: [], ...extra };
}

export function feedbackActions(answerId: string): ReplyAction[] {
  return [
    { id: 'feedback.up', label: '👍 Nuttig', value: answerId },
    { id: 'feedback.down', label: '👎 Niet goed', value: answerId },
  ];
}
