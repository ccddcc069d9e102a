import type { Context } from './context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { anonymise } from '../privacy/index.ts';
import { handleQuestion } from './handle-turn.ts';
import type { Reply, Turn } from './reply.ts';

export const ASK_ABOUT_MESSAGE_LABEL = 'Vraag Wijkwijs hierover';

/**
 * "Vraag Wijkwijs hierover" on someone's message (a Slack message shortcut, a Teams message action):
 * the message is anonymised before anything else happens, and what is left is the question, answered
 * to the one who asked alone. The names it held stay out of the answer too: the asker did not type
 * them. `message` is the plain text of the message, without the platform's markup.
 */
export async function askAboutMessage(ctx: Context, turn: Omit<Turn, 'text' | 'action' | 'audience'>, message: string): Promise<Reply> {
  const privacy = anonymise(message.replace(/\s+/g, ' ').trim());
  const question = shorten(privacy.text, ctx.config.maxQuestionChars);
  if (!/\p{L}{2}/u.test(question.replace(/\[[A-Z]+-\d+\]/g, ''))) {
    throw new WijkwijsError('question_empty', 'In dit bericht staat geen tekst waar ik iets over kan opzoeken. Stel je vraag gerust zelf.');
  }
  const reply = await handleQuestion(ctx, { ...turn, audience: 'private', text: question });
  const notices = reply.notices.filter((n) => !n.startsWith('Ik heb persoonsgegevens'));
  const left = privacy.entities.length ? 'Ik heb eerst de persoonsgegevens uit het bericht gehaald; alleen de rest heb ik opgezocht.' : undefined;
  return { ...reply, notices: [`Je vroeg naar een bericht. Alleen jij ziet dit antwoord.${left ? ` ${left}` : ''}`, ...notices] };
}

/** A long message is cut at a word before the question limit, so it is asked about, not refused. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return text.slice(0, cut > max / 2 ? cut : max - 1);
}
