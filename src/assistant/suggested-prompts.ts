import type { Context } from './context.ts';
import { channelLink } from '../teams/channel-links.ts';
import type { Prompt, PromptSet } from './reply.ts';

const MAX_PROMPTS = 4;

/** Questions the bundled knowledge answers, for someone who has not asked anything yet. */
const FIRST_QUESTIONS: Prompt[] = [
  { title: 'Hulpvraag verkennen', message: 'Hoe lang heb ik om de hulpvraag te verkennen?' },
  { title: 'Vier ogen', message: 'Wanneer pas ik het vier-ogen-principe toe?' },
  { title: 'Doorverwijzen bij schulden', message: 'Waar verwijs ik iemand met schulden naar?' },
];

/** For someone who comes from a channel linked to their team: the team's own knowledge and rhythm. */
const TEAM_QUESTIONS: Prompt[] = [
  { title: 'Eerdere casussen', message: 'Hebben we eerder een vergelijkbare casus besproken?' },
  { title: 'Casus inbrengen', message: 'Hoe breng ik een casus in bij de twintig-ogen-bespreking?' },
  { title: 'Intervisie', message: 'Welke werkvormen voor intervisie zijn er?' },
];

/**
 * The prompts that fit where the user is when they open a chat with Wijkwijs: a newcomer in the
 * onboarding programme gets its next step (from the feature), someone who comes from a team's linked
 * channel that team's questions, someone who never asked anything a first introduction, anyone else
 * a few common questions. `place` is the channel they were looking at, when the platform says so.
 */
export async function suggestedPrompts(ctx: Context, who: { userId: string; place?: string }): Promise<PromptSet> {
  for (const feature of ctx.features) {
    const own = await feature.prompts?.(ctx, who.userId);
    if (own?.prompts.length) return { title: own.title, prompts: own.prompts.slice(0, MAX_PROMPTS) };
  }
  const teamId = (await channelLink(ctx.db, who.place))?.teamId;
  if (teamId) return { title: `Vanuit het kanaal van team ${teamId}`, prompts: TEAM_QUESTIONS };
  const asked = await ctx.db.prisma.conversation.count({ where: { userId: who.userId } });
  if (!asked) return { title: 'Welkom! Stel een vraag over je werk, bijvoorbeeld:', prompts: FIRST_QUESTIONS };
  return { title: 'Vraag bijvoorbeeld:', prompts: FIRST_QUESTIONS };
}
