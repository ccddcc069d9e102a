import { WijkwijsError } from '../lib/errors.ts';
import { CASE_CANCEL, CASE_CONFIRM, cancelCaseTurn, confirmCaseTurn, isCaseCommand, proposeCaseTurn } from '../privacy/case-turns.ts';
import { recordCaseViews } from '../privacy/record-case-views.ts';
import { answerQuestion, type AnswerDeps } from './answer-question.ts';
import { recordFeedback } from './record-feedback.ts';
import type { Reply, Turn } from './reply.ts';

/** The one entry point of the conversation core for every channel: a question or an action in, a Reply out. */
export async function handleTurn(deps: AnswerDeps, turn: Turn): Promise<Reply> {
  if (turn.action) return handleAction(deps, turn, turn.action);
  // "/casus <tekst>" offers a case text for storage (after anonymisation and the coach's check).
  if (isCaseCommand(turn.text)) return proposeCaseTurn(deps, turn);
  const reply = await answerQuestion(deps, { ...turn, text: turn.text ?? '' });
  // Quoting a case discussion shows it to the asker: that goes into the audit trail.
  const casePassages = reply.citations.filter((c) => c.type === 'casus').map((c) => c.passageId);
  await recordCaseViews(deps.db, { actorId: turn.userId, passageIds: casePassages });
  return reply;
}

async function handleAction(deps: AnswerDeps, turn: Turn, action: NonNullable<Turn['action']>): Promise<Reply> {
  switch (action.id) {
    case 'feedback.up':
    case 'feedback.down': {
      if (!action.value) throw new WijkwijsError('bad_request', 'Bij deze feedback ontbreekt het antwoord waar hij over gaat.');
      const rating = action.id === 'feedback.up' ? 1 : -1;
      await recordFeedback(deps.db.prisma, { answerId: action.value, userId: turn.userId, rating, comment: action.comment });
      return notice(turn, rating > 0 ? 'Dank je! Fijn dat het hielp.' : 'Dank je voor je eerlijke oordeel. We gebruiken het om de antwoorden te verbeteren.');
    }
    case CASE_CONFIRM:
      return confirmCaseTurn(deps, turn, action);
    case CASE_CANCEL:
      return cancelCaseTurn(deps, turn, action);
    default:
      throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer). Stel je vraag gerust opnieuw.');
  }
}

function notice(turn: Turn, text: string): Reply {
  return { conversationId: turn.conversationId ?? '', text, citations: [], actions: [], mode: 'notice', notices: [] };
}
