/**
 * The one renderer of a core Reply for Teams: the answer as message text with [n] markers tied to
 * Teams citation entities (hover/click shows the source), and an Adaptive Card with the notices, the
 * numbered sources, the Reply's buttons (👍/👎 and "Vraag een collega" among them) and its form.
 * Every button is an Action.Execute carrying { actionId, value }, so a click arrives as an
 * adaptiveCard/action invoke and the card can be replaced in place.
 */
import type { Activity, Attachment } from 'botbuilder';
import type { Citation, Reply, ReplyForm } from '../../assistant/reply.ts';

/** Inputs of a form carry this prefix in their id, so their values are told apart from the action data. */
export const FIELD_PREFIX = 'field.';
const SOURCES_SHOWN = 8;
// Teams' limits on citation appearance: name 80, abstract 160 characters.
const NAME_MAX = 80;
const ABSTRACT_MAX = 160;

export type Card = { type: 'AdaptiveCard'; version: string; body: object[]; actions?: object[]; [key: string]: unknown };

export interface RenderOptions {
  /** A personal chat: the only place Teams shows suggested actions under a message. */
  personal?: boolean;
}

/**
 * An answer comes with Teams' own feedback buttons (the feedback loop, answered as a
 * message/submitAction invoke) instead of card buttons, and an answer made by the language model with
 * Teams' AI-generated label on the entity that carries its citations.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', text: reply.text, textFormat: 'markdown' };
  const entities = messageEntities(reply);
  if (entities.length) activity.entities = entities as Activity['entities'];
  const card = renderCard(reply);
  if (card) activity.attachments = [cardAttachment(card)];
  if (usesFeedbackLoop(reply)) activity.channelData = { feedbackLoopEnabled: true };
  if (options.personal && reply.suggestions?.length) {
    activity.suggestedActions = { to: [], actions: reply.suggestions.slice(0, 3).map((q) => ({ type: 'imBack', title: cut(q, TITLE_MAX), value: q })) };
  }
  return activity;
}

const TITLE_MAX = 80;
const isFeedback = (id: string) => id === 'feedback.up' || id === 'feedback.down';
const usesFeedbackLoop = (reply: Reply) => Boolean(reply.answerId) && reply.actions.some((a) => isFeedback(a.id));

export function renderNotice(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}

export function cardAttachment(card: Card): Attachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

/** The card under the answer, or undefined when a Reply is just text. */
export function renderCard(reply: Reply): Card | undefined {
  const body: object[] = [];
  for (const notice of reply.notices) body.push({ type: 'TextBlock', text: `ℹ️ ${notice}`, wrap: true, isSubtle: true, size: 'Small' });
  if (reply.origin) body.push({ type: 'TextBlock', text: reply.origin, wrap: true, isSubtle: true, size: 'Small' });
  if (reply.citations.length) {
    body.push({ type: 'TextBlock', text: 'Bronnen', weight: 'Bolder', separator: true, spacing: 'Medium' });
    for (const c of reply.citations.slice(0, SOURCES_SHOWN)) {
      body.push({ type: 'TextBlock', text: `[${c.n}] ${c.title} — ${[c.location, c.reference].filter(Boolean).join(' · ')}`, wrap: true, size: 'Small' });
      if (c.details) body.push({ type: 'TextBlock', text: c.details, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' });
      if (c.warning) body.push({ type: 'TextBlock', text: `⚠️ ${c.warning}`, wrap: true, color: 'Warning', size: 'Small', spacing: 'None' });
    }
    if (reply.citations.length > SOURCES_SHOWN) body.push({ type: 'TextBlock', text: `En nog ${reply.citations.length - SOURCES_SHOWN} bronnen.`, size: 'Small', isSubtle: true });
  }
  const actions: object[] = [];
  if (reply.form) {
    body.push(...formBody(reply.form));
    actions.push(execute(reply.form.submit.label, { actionId: reply.form.submit.id, value: reply.form.id }, 'positive'));
    if (reply.form.cancel) actions.push({ ...execute(reply.form.cancel.label, { actionId: reply.form.cancel.id, value: reply.form.id }), associatedInputs: 'none' });
  }
  const feedbackLoop = usesFeedbackLoop(reply);
  for (const a of reply.actions) {
    if (feedbackLoop && isFeedback(a.id)) continue;
    actions.push({ ...execute(a.label, { actionId: a.id, value: a.value }, a.style === 'danger' ? 'destructive' : a.style === 'primary' ? 'positive' : undefined), ...(a.description ? { tooltip: a.description } : {}) });
  }
  if (!body.length && !actions.length) return undefined;
  if (!body.length) body.push({ type: 'TextBlock', text: reply.form ? reply.form.title : 'Kies wat je wilt doen:', wrap: true, size: 'Small', isSubtle: true });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length ? { actions } : {}) };
}

/** A card that says the choice was made, shown in place of the card with the buttons. */
export function renderDoneCard(reply: Reply): Card {
  const card = renderCard(reply);
  const text = { type: 'TextBlock', text: reply.text, wrap: true };
  return card ? { ...card, body: [text, ...card.body] } : { type: 'AdaptiveCard', version: '1.5', body: [text] };
}

function execute(title: string, data: { actionId: string; value?: string }, style?: 'positive' | 'destructive'): object {
  return { type: 'Action.Execute', title, verb: data.actionId, data, ...(style ? { style } : {}) };
}

function formBody(form: ReplyForm): object[] {
  const body: object[] = [{ type: 'TextBlock', text: form.title, weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' }];
  for (const f of form.fields) {
    const common = { id: `${FIELD_PREFIX}${f.name}`, label: f.label, isRequired: !f.optional, errorMessage: `Vul ${f.label.toLowerCase()} in.` };
    switch (f.kind) {
      case 'select':
        body.push({ ...common, type: 'Input.ChoiceSet', style: 'compact', value: f.value, choices: (f.options ?? []).map((o) => ({ title: o.label, value: o.value })) });
        break;
      case 'date':
        body.push({ ...common, type: 'Input.Date', value: f.value });
        break;
      case 'time':
        body.push({ ...common, type: 'Input.Time', value: f.value });
        break;
      case 'number':
        body.push({ ...common, type: 'Input.Number', value: f.value === '' ? undefined : Number(f.value) });
        break;
      default:
        body.push({ ...common, type: 'Input.Text', value: f.value, isMultiline: Boolean(f.multiline), maxLength: 20_000 });
    }
    if (f.hint) body.push({ type: 'TextBlock', text: f.hint, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' });
  }
  return body;
}

/**
 * The schema.org Message entity: its citations ([n] in the text opens the source's title, location,
 * date and passage) and, for an answer the language model wrote, Teams' AI-generated label.
 */
export function messageEntities(reply: Pick<Reply, 'citations' | 'mode'>): object[] {
  const { citations } = reply;
  if (!citations.length && reply.mode !== 'model') return [];
  return [
    {
      type: 'https://schema.org/Message',
      '@type': 'Message',
      '@context': 'https://schema.org',
      '@id': '',
      ...(reply.mode === 'model' ? { additionalType: ['AIGeneratedContent'] } : {}),
      citation: citations.map((c) => ({
        '@type': 'Claim',
        position: c.n,
        appearance: {
          '@type': 'DigitalDocument',
          name: cut(c.title, NAME_MAX),
          abstract: cut(c.passage.replace(/\s+/g, ' ').trim() || c.location, ABSTRACT_MAX),
          // The full passage, shown in Teams' citation window as a small card.
          text: JSON.stringify({
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: c.title, weight: 'Bolder', wrap: true },
              { type: 'TextBlock', text: [c.location, c.reference, c.details].filter(Boolean).join(' · '), isSubtle: true, wrap: true, size: 'Small' },
              ...(c.warning ? [{ type: 'TextBlock', text: c.warning, wrap: true, color: 'Warning', size: 'Small' }] : []),
              { type: 'TextBlock', text: c.passage, wrap: true },
            ],
          }),
          encodingFormat: 'application/vnd.microsoft.card.adaptive',
          keywords: [cut(c.location, 28)].filter(Boolean),
        },
      })),
    },
  ];
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
