export const HANDOFF_REQUEST = 'handoff.request';
export const HANDOFF_RESOLVE = 'handoff.resolve';

/**
 * The messenger's key of the posted request, so "Opgelost" updates it in every channel. It names the
 * asker, so erasing the asker's data (privacy delete) takes the posted request with it.
 */
export const handoffKey = (handoff: { id: string; askerId: string }) => `handoff:${handoff.id}:${handoff.askerId}`;

const QUESTION_MAX = 2500;

export function shortQuestion(question: string): string {
  return question.length > QUESTION_MAX ? `${question.slice(0, QUESTION_MAX)}…` : question;
}
