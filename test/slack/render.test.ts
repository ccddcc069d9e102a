import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/assistant/reply.ts';
import { feedbackActions } from '../../src/assistant/reply.ts';
import { formFields, formModal, renderReply } from '../../src/channels/slack/render.ts';

const reply = (over: Partial<Reply> = {}): Reply => ({
  conversationId: 'c1',
  answerId: 'a1',
  text: 'Je hebt **zes weken** om de hulpvraag te verkennen [1].',
  citations: [{ n: 1, passageId: 'p1', title: 'Handboek', location: '§ Werkwijze', source: 'handboek/werkwijze.md', reference: 'p. 25', type: 'handboek', passage: 'Zes weken…' }],
  actions: feedbackActions('a1'),
  mode: 'extractive',
  notices: [],
  ...over,
});

describe('Block Kit renderer', () => {
  it('renders text, numbered sources with a passage button and feedback', () => {
    const { text, blocks } = renderReply(reply());
    const json = JSON.stringify(blocks);
    expect(json).toContain('*zes weken*');
    expect(json).toContain('*[1]* Handboek');
    expect(json).toContain('p. 25');
    expect(json).toContain('wijkwijs.passage:1');
    expect(text).toContain('[1] Handboek — § Werkwijze');
    const feedback = (blocks as any[]).find((b) => b.type === 'context_actions').elements[0];
    expect(feedback).toMatchObject({
      type: 'feedback_buttons',
      action_id: 'wijkwijs.feedback',
      positive_button: { text: { type: 'plain_text', text: 'Nuttig' }, value: 'up:a1', accessibility_label: 'Nuttig: dit antwoord hielp me' },
      negative_button: { text: { type: 'plain_text', text: 'Niet goed' }, value: 'down:a1' },
    });
    expect(json).not.toContain('wijkwijs.feedback.up');
  });

  it('says how the answer was made, and shows each source\'s date, owner and a warning when it is old', () => {
    const { blocks } = renderReply(
      reply({
        mode: 'model',
        origin: 'Gegenereerd door een taalmodel, op basis van de bronnen.',
        citations: [{ ...reply().citations[0]!, details: 'Bijgewerkt 1 maart 2020 · eigenaar: Beheerder sociale kaart', warning: 'Let op: deze bron is langer dan 2 jaar niet bijgewerkt.' }],
      }),
    );
    const texts = (blocks as any[]).map((b) => b.text?.text ?? b.elements?.map((e: any) => e.text).join(' ') ?? '').join('\n');
    expect(texts).toContain('Gegenereerd door een taalmodel, op basis van de bronnen.');
    expect(texts).toMatch(/\*\[1\]\* Handboek\n§ Werkwijze · p\. 25\nBijgewerkt 1 maart 2020 · eigenaar: Beheerder sociale kaart\n:warning: Let op/);
  });

  it('escapes the notification text like the blocks', () => {
    const { text } = renderReply(reply({ text: 'Zie <!channel> & <@U123>', citations: [] }));
    expect(text).toBe('Zie &lt;!channel&gt; &amp; &lt;@U123&gt;');
  });

  it('gives no button a label that starts with an emoji, and describes buttons whose label alone is short', () => {
    const withAll = reply({
      actions: [...feedbackActions('a1'), { id: 'handoff.request', label: 'Vraag een collega', value: 'a1', description: 'Vraag je teamgenoten om hulp bij deze vraag' }],
      form: { id: 'f1', title: 'Casus controleren', fields: [], submit: { id: 'case.confirm', label: 'Opslaan' } },
    });
    const { blocks } = renderReply(withAll, { share: true, formId: 'form-1' });
    const labels = (blocks as any[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).flatMap((e: any) => (e.type === 'feedback_buttons' ? [e.positive_button, e.negative_button] : e.type === 'button' ? [e] : []));
    expect(labels.length).toBe(6);
    for (const l of labels) expect(l.text.text).not.toMatch(/^\p{Extended_Pictographic}/u);
    expect(labels.find((l: any) => l.text.text === 'Bekijk passage').accessibility_label).toBe('Bekijk de passage van bron 1');
  });

  it('keeps user and document text from becoming mentions or links', () => {
    const { blocks } = renderReply(reply({ text: 'Zie <!channel> en <https://x.nl|hier> & meer' }));
    const json = JSON.stringify(blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&amp;');
  });

  it('stays within Slack limits for long answers and many sources', () => {
    const citations = Array.from({ length: 12 }, (_, i) => ({ ...reply().citations[0]!, n: i + 1, passageId: `p${i}` }));
    const { blocks } = renderReply(reply({ text: 'woord '.repeat(2000), citations }));
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks as any[]) if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks)).toContain('En nog 4 bronnen');
  });

  it('passes a feature button through with its own id, and shows a form as a modal', () => {
    const { blocks } = renderReply(reply({ actions: [{ id: 'intervisie.join', label: 'Aanmelden', value: 's1', style: 'primary' }] }));
    const button = (blocks.at(-1) as any).elements[0];
    expect(button.action_id).toBe('wijkwijs.act:0');
    expect(JSON.parse(button.value)).toEqual({ id: 'intervisie.join', value: 's1' });

    const form = { id: 'd1', title: 'Casus controleren', fields: [{ name: 'text', label: 'Tekst', value: 'korte tekst', multiline: true }], submit: { id: 'case.confirm', label: 'Opslaan' }, cancel: { id: 'case.cancel', label: 'Annuleren' } };
    const modal = formModal(form, { formId: 'd1', submitId: 'case.confirm', cancelId: 'case.cancel', channel: 'D1' }) as any;
    expect(modal.notify_on_close).toBe(true);
    expect(modal.submit.text).toBe('Opslaan');
    // A long value spreads over several inputs and comes back whole.
    const long = Array.from({ length: 900 }, (_, i) => `woord${i}`).join(' ');
    const split = formModal({ ...form, fields: [{ ...form.fields[0]!, value: long }] }, { formId: 'd1', submitId: 'case.confirm', channel: 'D1' }) as any;
    expect(split.blocks.length).toBeGreaterThan(1);
    for (const b of split.blocks) expect(b.element.initial_value.length).toBeLessThanOrEqual(3000);
    const submitted = Object.fromEntries(split.blocks.map((b: any) => [b.block_id.slice('field:'.length), b.element.initial_value]));
    expect(formFields(submitted)).toEqual({ text: long });
  });

  it('falls back to a text input for a select without choices, and leaves invalid initial values out', () => {
    const form = {
      id: 'f',
      title: 'Formulier',
      fields: [
        { name: 'keuze', label: 'Keuze', value: 'x', kind: 'select' as const, options: [] },
        { name: 'datum', label: 'Datum', value: 'morgen', kind: 'date' as const },
        { name: 'aantal', label: 'Aantal', value: '2,5', kind: 'number' as const },
      ],
      submit: { id: 'f.ok', label: 'OK' },
    };
    const modal = formModal(form, { formId: 'f', submitId: 'f.ok', channel: 'D1' }) as any;
    expect(modal.blocks.map((b: any) => b.element.type)).toEqual(['plain_text_input', 'datepicker', 'number_input']);
    expect(modal.blocks[0].element.initial_value).toBe('x');
    expect(modal.blocks[1].element).not.toHaveProperty('initial_date');
    expect(modal.blocks[2].element).not.toHaveProperty('initial_value');
  });
});

describe('people in a Slack message', () => {
  const people = [
    { userId: 'slack:T1:UANNA', name: 'Anna' },
    { userId: 'slack:T1:UANNADV', name: 'Anna de Vries' },
    { userId: 'teams:aad-1', name: 'Tom Teams' },
  ];

  it('mentions Slack users in place of their names, the longer name first, and leaves others named', () => {
    const { text, blocks } = renderReply(reply({ text: 'Anna de Vries en Anna denken mee, met Tom Teams. Annabel niet.', citations: [], people }));
    expect(text).toBe('<@UANNADV> en <@UANNA> denken mee, met Tom Teams. Annabel niet.');
    expect(JSON.stringify(blocks)).toContain('<@UANNADV> en <@UANNA> denken mee');
  });

  it('keeps a name two people share as a name, and escapes a name before matching it', () => {
    const shared = [{ userId: 'slack:T1:U1', name: 'een collega' }, { userId: 'slack:T1:U2', name: 'een collega' }, { userId: 'slack:T1:U3', name: 'Bo & Co' }];
    const { blocks } = renderReply(reply({ text: 'een collega vraagt Bo & Co', citations: [], people: shared }));
    expect(JSON.stringify(blocks)).toContain('een collega vraagt <@U3>');
  });
});
