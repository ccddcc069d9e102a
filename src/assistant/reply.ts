/** Channel-neutral input and output of the conversation core; Slack, Teams and the web chat adapt them. */
import type { ReplyPerson } from '../people/name-people.ts';

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
  /** The document's review date (YYYY-MM-DD) and owner from its front matter, when it gives them. */
  updated?: string;
  owner?: string;
  /** Date and owner in a line for people ("Bijgewerkt 23 november 2026 · eigenaar: …"). */
  details?: string;
  /** Said when the source has not been reviewed for too long. */
  warning?: string;
}

export interface ReplyAction {
  id: string;
  /** Words only: a label starting with an emoji is read out as the emoji's name. */
  label: string;
  value: string;
  style?: 'primary' | 'danger';
  /** What the button does, for screen readers, when the label alone does not say it. */
  description?: string;
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
  /** How an answer was made, for the reader to weigh it (see `answerOrigin`); absent on other replies. */
  origin?: string;
  /** Questions to ask next (at most three), which the sources answer. */
  suggestions?: string[];
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
  /**
   * People the text names, each by the name it shows. A channel that can mention people (Slack's
   * `<@U…>`) puts the mention in place of the name; elsewhere the name stays.
   */
  people?: ReplyPerson[];
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

/** A suggestion to start a chat with: its short title, and the message it sends. */
export interface Prompt {
  title: string;
  message: string;
}

/** Suggested prompts for where the user is, under a heading. */
export interface PromptSet {
  title: string;
  prompts: Prompt[];
}

/** What the assistant is doing while it answers, for a channel to show. */
export type AnswerStage = 'searching' | 'writing';

/**
 * Follows an answer while it is made. `stage` says what happens now; `text` receives a model
 * answer as it is written, only sentences that passed every check, which add up to the start of the
 * Reply's text. The Reply that follows is what counts: when its text is not what was streamed (the
 * model's answer was rejected and the quoted answer given instead), a channel replaces what it showed.
 */
export interface AnswerProgress {
  stage?(stage: AnswerStage): void;
  text?(piece: string): Promise<void> | void;
}

/** Each stage in words, for a status line. */
export const STAGE_TEXT: Record<AnswerStage, string> = {
  searching: 'Ik zoek in het handboek…',
  writing: 'Ik schrijf het antwoord, met de bronnen erbij…',
};

/** Lines a channel may rotate through while the sources are searched. */
export const SEARCHING_TEXTS = ['Ik zoek in het handboek…', 'Ik lees de passages die erbij horen…', 'Ik controleer de bronnen…'];

/** A plain message without sources, e.g. a confirmation, a question to a colleague or a reminder. */
export function noticeReply(text: string, extra: Partial<Reply> = {}): Reply {
  return { conversationId: '', text, citations: [], actions: [], mode: 'notice', notices: [], ...extra };
}

export function feedbackActions(answerId: string): ReplyAction[] {
  return [
    { id: 'feedback.up', label: 'Nuttig', value: answerId, description: 'Nuttig: dit antwoord hielp me' },
    { id: 'feedback.down', label: 'Niet goed', value: answerId, description: 'Niet goed: dit antwoord klopt niet of helpt niet' },
  ];
}

/** How an answer with sources was made: written by a language model from the sources, or quoted from them. */
export function answerOrigin(mode: ReplyMode): string | undefined {
  if (mode === 'model') return 'Gegenereerd door een taalmodel, op basis van de bronnen.';
  if (mode === 'extractive') return 'Letterlijk uit de bronnen.';
  return undefined;
}
