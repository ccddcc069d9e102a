import { parseArgs } from 'node:util';
import { anonymise } from '../privacy/index.ts';

/** `wijkwijs anonymise [--json]`: standard input in, anonymised text (or text plus entities) out. */
export async function anonymiseCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, name: { type: 'string', multiple: true } } });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  const input = Buffer.concat(chunks).toString('utf8');
  const result = anonymise(input, { knownNames: values.name });
  if (values.json) {
    const entities = result.entities.map(({ type, start, end, text }) => ({ type, start, end, text }));
    process.stdout.write(`${JSON.stringify({ text: result.text, entities })}\n`);
  } else {
    process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  }
  return 0;
}
