import type { Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { moduleById, programmeFor, reconcile, type Enrollment } from './enrollment.ts';
import { finishModule } from './finish-module.ts';
import { reply } from './render-step.ts';

/** "Sla over": the current module is marked skipped (visible to the team lead) and the next one is offered. */
export async function skipModule(ctx: Context, enrollment: Enrollment, moduleId?: string): Promise<Reply> {
  const programme = programmeFor(ctx, enrollment);
  const e = await reconcile(ctx, enrollment, programme);
  if (e.status !== 'active' && e.status !== 'paused') return reply('Er is nu geen module om over te slaan.');
  const m = moduleById(programme, e.currentModule);
  if (!m) return reply('Er is nu geen module om over te slaan.');
  if (moduleId && moduleId !== m.id) return reply(`Die module heb je al achter je gelaten. Je bent nu bij "${m.title}"; typ /onboarding verder om door te gaan.`);
  ctx.logger.info({ enrollmentId: e.id, moduleId: m.id }, 'onboarding module skipped');
  return finishModule(ctx, programme, e, 'skipped', `Module "${m.title}" sla ik over. Je teamleider ziet dat hij is overgeslagen; vraag je buddy gerust als je er later toch iets over wilt weten.`);
}
