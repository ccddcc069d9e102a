/**
 * People are named, never shown by their platform id. `recordReplies` keeps every Reply the features
 * of a context produce (answers to commands, clicks and short texts, overview lines, planned-job
 * descriptions) and every message the assistant sends on its own; `expectNoRawIds` fails on any
 * user id in what a person reads of them: text, notices, button labels, form labels, hints, values.
 */
import { expect } from 'vitest';
import type { Context, Feature } from '../../src/assistant/context.ts';
import type { Reply } from '../../src/assistant/reply.ts';

/** Channel-qualified user ids as the core issues them, and Teams' own 29:/28: account ids. */
const RAW_ID = /\b(?:slack|teams|msteams):[A-Za-z0-9][\w:.@-]*|\b2[89]:[\w-]{3,}/;

type Said = { where: string; reply: Pick<Reply, 'text'> & Partial<Reply> };

/** `said`: where to keep them, e.g. the list of a context before a restart. */
export function recordReplies(ctx: Context, said: Said[] = []): Said[] {
  const keep = (where: string) => async <R>(made: Promise<R>): Promise<R> => {
    // A refusal is read too (a Dutch message in place of the reply).
    const result = await made.catch((error: unknown) => {
      said.push({ where: `${where} (refused)`, reply: { text: (error as { userMessage?: string }).userMessage ?? String(error) } });
      throw error;
    });
    if (result && typeof result === 'object' && 'text' in result) said.push({ where, reply: result as unknown as Reply });
    if (Array.isArray(result)) said.push({ where, reply: { text: result.join('\n') } });
    if (result && typeof result === 'object' && 'lines' in result) said.push({ where, reply: { text: (result as { lines: string[] }).lines.join('\n') } });
    return result;
  };
  const wrapped = ctx.features.map((f): Feature => ({
    ...f,
    commands: f.commands && Object.fromEntries(Object.entries(f.commands).map(([name, run]) => [name, (c, t, a) => keep(`/${name}`)(run(c, t, a))])),
    onAction: f.onAction && ((c, t, a) => keep(a.id)(f.onAction!(c, t, a))),
    onShortText: f.onShortText && ((c, t, x) => keep('short text')(f.onShortText!(c, t, x))),
    overview: f.overview && ((c, u) => keep('overview')(f.overview!(c, u))),
    teamOverview: f.teamOverview && ((c, t) => keep('team overview')(f.teamOverview!(c, t))),
    jobs: f.jobs?.map((job) => ({ ...job, describe: job.describe && ((c: Context, p: unknown) => keep(`job ${job.kind}`)(job.describe!(c, p))) })),
  }));
  Object.assign(ctx, { features: wrapped });
  const send = ctx.messenger.send.bind(ctx.messenger);
  ctx.messenger.send = (message) => {
    said.push({ where: message.key ?? 'message', reply: message.reply });
    return send(message);
  };
  return said;
}

/** What a person reads of a reply; a select field's value is a choice's id, its label is read. */
function readable(reply: Said['reply']): string[] {
  const form = reply.form;
  return [
    reply.text,
    ...(reply.notices ?? []),
    ...(reply.actions ?? []).map((a) => a.label),
    ...(form ? [form.title, form.submit.label, form.cancel?.label ?? ''] : []),
    ...(form?.fields ?? []).flatMap((f) => [f.label, f.hint ?? '', f.kind === 'select' ? '' : f.value, ...(f.options ?? []).map((o) => o.label)]),
  ];
}

export function expectNoRawIds(said: readonly Said[], options: { also?: string[] } = {}): void {
  expect(said.length, 'no replies were recorded').toBeGreaterThan(0);
  const found = said.flatMap(({ where, reply }) =>
    readable(reply)
      .filter((text) => RAW_ID.test(text) || (options.also ?? []).some((id) => text.includes(id)))
      .map((text) => `${where}: ${text.slice(0, 200)}`),
  );
  expect(found).toEqual([]);
}
