/** The one error type of the project: a stable code for programs and a Dutch message for people. */
export type ErrorCode =
  | 'bad_request'
  | 'question_empty'
  | 'question_too_long'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'unsupported_format'
  | 'unreadable_file'
  | 'database_unavailable'
  /** The embedded data directory is held by another process. */
  | 'database_in_use'
  | 'rate_limited'
  | 'model_unavailable'
  | 'model_misconfigured'
  | 'internal';

const httpStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  question_empty: 400,
  question_too_long: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unsupported_format: 400,
  unreadable_file: 400,
  database_unavailable: 503,
  database_in_use: 503,
  rate_limited: 429,
  model_unavailable: 503,
  model_misconfigured: 500,
  internal: 500,
};

export class WijkwijsError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'WijkwijsError';
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export function toWijkwijsError(error: unknown): WijkwijsError {
  if (error instanceof WijkwijsError) return error;
  return new WijkwijsError('internal', 'Er ging iets mis aan onze kant. Probeer het zo nog eens.', { cause: error });
}
