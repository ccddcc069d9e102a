import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { localDate } from '../lib/time.ts';
import type { Enrollment } from './enrollment.ts';
import { reply } from './render-step.ts';
import { firstWorkingDayFrom } from './schedule.ts';

/** The start-date and nudge-time form; its id is the enrollment id, which comes back as the action value. */
export function startForm(ctx: Context, e: Enrollment, text: string): Reply {
  const today = localDate(ctx.clock.now(), e.timeZone);
  return reply(text, {
    form: {
      id: e.id,
      title: 'Start van je inwerkprogramma',
      fields: [
        { name: 'startDate', label: 'Startdatum', value: e.startDate ?? firstWorkingDayFrom(today), kind: 'date', hint: 'Vanaf deze dag komen de modules vrij, verspreid over zo’n zes weken.' },
        { name: 'nudgeTime', label: 'Tijdstip van je dagelijkse berichtje', value: e.nudgeTime, kind: 'time', hint: 'Alleen op werkdagen.' },
      ],
      submit: { id: 'onboarding.start', label: 'Starten' },
      cancel: { id: 'onboarding.start-cancel', label: 'Nu niet' },
    },
  });
}
