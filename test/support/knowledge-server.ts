import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { createTestContext, repoRoot } from './context.ts';

/** A real web chat server on a throw-away PGlite holding the bundled knowledge; close it after the tests. */
export async function startKnowledgeServer(): Promise<{ ctx: Awaited<ReturnType<typeof createTestContext>>; server: RunningServer; close(): Promise<void> }> {
  const ctx = await createTestContext({ PORT: '0' });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
  const server = await startWebServer(ctx);
  return {
    ctx,
    server,
    close: async () => {
      await server.close();
      await ctx.close();
    },
  };
}
