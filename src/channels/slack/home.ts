/** App Home: how to ask, what waits for the user (checks, cases, sessions, onboarding, open requests to colleagues), their teams and recent questions. */
import { recentQuestions } from '../../assistant/conversations.ts';
import { userOverview } from '../../assistant/handle-turn.ts';
import type { Context } from '../../assistant/context.ts';
import { membershipsOf } from '../../teams/membership.ts';
import { escape } from './render.ts';

export async function homeView(ctx: Context, userId: string): Promise<Record<string, unknown>> {
  const { prisma } = ctx.db;
  const [memberships, questions, waiting] = await Promise.all([membershipsOf(prisma, userId), recentQuestions(prisma, userId), userOverview(ctx, userId)]);
  const day = (d: Date) => d.toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long' });
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text } });
  const list = (lines: string[], empty: string) => section(lines.length ? lines.join('\n') : `_${empty}_`);
  return {
    type: 'home',
    blocks: [
      header('Wijkwijs'),
      section(
        'Ik beantwoord vragen over het handboek, de methodes en eerdere casusbesprekingen van je team, altijd met bronnen.\n' +
          '• Stuur me een direct bericht\n• Noem @Wijkwijs in een kanaal: ik antwoord in de thread\n• `/vraag <je vraag>` geeft een antwoord dat alleen jij ziet',
      ),
      { type: 'divider' },
      header('Voor jou'),
      list(waiting.map((line) => `• ${escape(line)}`), 'Er staat niets voor je open.'),
      header('Je teams'),
      list(
        memberships.map((m) => `• ${escape(m.name)}${m.role === 'member' ? '' : ` (${m.role === 'lead' ? 'teamleider' : 'beheerder'})`}`),
        'Je bent nog geen lid van een team. Vraag je teambeheerder om je toe te voegen met /wijkwijs lid @jij.',
      ),
      header('Je recente vragen'),
      list(
        questions.map((a) => `• ${day(a.createdAt)}: ${escape(short(a.question))}`),
        'Nog geen vragen gesteld. Probeer: "Hoe lang heb ik om de hulpvraag te verkennen?"',
      ),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Vragen worden bewaard zonder persoonsgegevens.' }] },
    ],
  };
}

function short(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
