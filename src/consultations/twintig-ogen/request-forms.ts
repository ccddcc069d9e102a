import { z } from 'zod';
import { fieldLabels, selectField } from '../../assistant/feature-kit.ts';
import type { ReplyForm } from '../../assistant/reply.ts';
import { OTHER_DILEMMA } from './dilemmas.ts';

export const REQUEST_SUBMIT = 'twintig.request-submit';
export const REQUEST_CONFIRM = 'twintig.request-confirm';
export const REQUEST_CANCEL = 'twintig.request-cancel';

const MAX = 4000;

export const requestFieldsSchema = z
  .object({
    summary: z.string().trim().min(1, 'Schets de casus in een paar zinnen.').max(MAX, `De schets is te lang (maximaal ${MAX} tekens).`),
    dilemma: z.string().trim().min(1, "Kies een dilemma uit de lijst, of 'Anders'."),
    dilemma_other: z.string().trim().max(200, 'Houd het dilemma kort (maximaal 200 tekens).').optional().default(''),
    question: z.string().trim().min(1, 'Wat wil je het team vragen?').max(1000, 'De vraag is te lang (maximaal 1000 tekens).'),
    tried: z.string().trim().max(MAX, `Wat je al probeerde is te lang (maximaal ${MAX} tekens).`).optional().default(''),
    urgency: z.enum(['normal', 'urgent'], { message: 'Kies normaal of spoed.' }).optional().default('normal'),
    latest_date: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Schrijf de uiterste datum als JJJJ-MM-DD.')
      .optional()
      .default(''),
  })
  .refine((f) => f.dilemma !== OTHER_DILEMMA || f.dilemma_other, { message: "Je koos 'Anders': beschrijf het dilemma in een paar woorden." })
  .refine((f) => f.urgency !== 'urgent' || f.latest_date, { message: 'Geef bij spoed aan wanneer de casus uiterlijk besproken moet zijn.' });
export type RequestFields = z.infer<typeof requestFieldsSchema>;

export const confirmFieldsSchema = z.object({
  summary: z.string().trim().min(1, 'De schets is leeg.').max(MAX),
  question: z.string().trim().min(1, 'De vraag aan het team is leeg.').max(1000),
  tried: z.string().trim().max(MAX).optional().default(''),
});


export function requestForm(teamId: string, dilemmas: { value: string; label: string }[], summary = ''): ReplyForm {
  return {
    id: teamId,
    title: 'Casus voor het teamoverleg (twintig ogen)',
    fields: [
      { name: 'summary', label: 'Korte schets van de casus', value: summary, multiline: true, hint: 'Zonder namen of andere gegevens van de inwoner; ik haal ze er voor de zekerheid ook zelf uit.' },
      { name: 'dilemma', label: 'Welk dilemma speelt?', value: '', kind: 'select', options: dilemmas },
      { name: 'dilemma_other', label: 'Ander dilemma', value: '', optional: true, hint: "Alleen als je 'Anders' koos." },
      { name: 'question', label: 'Je vraag aan het team', value: '' },
      { name: 'tried', label: 'Wat heb je al geprobeerd?', value: '', multiline: true, optional: true },
      selectField('urgency', 'Haast', { normal: 'Normaal: het eerstvolgende overleg met plek', urgent: 'Spoed: vóór een uiterste datum' }),
      { name: 'latest_date', label: 'Uiterlijk bespreken op', value: '', kind: 'date', optional: true, hint: 'Alleen bij spoed.' },
    ],
    submit: { id: REQUEST_SUBMIT, label: 'Verder' },
    cancel: { id: REQUEST_CANCEL, label: 'Annuleren' },
  };
}

export function confirmForm(requestId: string, texts: { summary: string; question: string; tried: string }): ReplyForm {
  return {
    id: requestId,
    title: 'Controleer je casus',
    fields: [
      { name: 'summary', label: 'Schets zonder persoonsgegevens', value: texts.summary, multiline: true },
      { name: 'question', label: 'Vraag aan het team', value: texts.question },
      { name: 'tried', label: 'Al geprobeerd', value: texts.tried, multiline: true, optional: true },
    ],
    submit: { id: REQUEST_CONFIRM, label: 'Op de agenda zetten' },
    cancel: { id: REQUEST_CANCEL, label: 'Annuleren' },
  };
}

export const REQUEST_LABELS = fieldLabels(requestForm('', []));
export const CONFIRM_LABELS = fieldLabels(confirmForm('', { summary: '', question: '', tried: '' }));
