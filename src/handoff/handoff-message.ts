export const HANDOFF_REQUEST = 'handoff.request';
export const HANDOFF_RESOLVE = 'handoff.resolve';

/** The messenger's key of the posted request, so "Opgelost" updates it in every channel. */
export const handoffKey = (handoffId: string) => `handoff:${handoffId}`;

const QUESTION_MAX = 2500;

export function shortQuestion(question: string): string {
  return question.length > QUESTION_MAX ? `${question.slice(0, QUESTION_MAX)}…` : question;
}
