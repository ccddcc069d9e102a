import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Logs carry ids, counts and durations only. Fields that could hold message or case text are
 * removed even if a caller passes them by mistake: that text is personal data until anonymised.
 */
const textFields = ['text', 'question', 'answer', 'body', 'message', 'comment', 'content', 'query', 'prompt', 'summary'];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'wijkwijs' },
      redact: {
        paths: [...textFields, ...textFields.map((f) => `*.${f}`)],
        remove: true,
      },
      serializers: { err: serializeError },
    },
    destination ?? pino.destination(2),
  );
}

/** Error messages can quote input (parsers do), so only the name, code and stack frames are kept. */
function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8);
  return { type: err.name, code: typeof code === 'string' ? code : undefined, stack: frames.join('\n') };
}
