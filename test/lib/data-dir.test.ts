import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/db.ts';
import { migrate } from '../../src/lib/migrate.ts';
import { tempDir } from '../support/context.ts';

describe('the embedded data directory', () => {
  it('is created when missing, including parent folders, and keeps its data across restarts', async () => {
    const dir = path.join(tempDir(), 'nog', 'niet', 'aanwezig');
    const first = await openDatabase({ dataDir: dir });
    await migrate(first.sql);
    await first.prisma.team.create({ data: { id: 'blijft', name: 'Blijft bestaan' } });
    await first.close();
    expect(existsSync(dir)).toBe(true);

    const second = await openDatabase({ dataDir: dir });
    expect(await migrate(second.sql)).toEqual([]);
    expect(await second.prisma.team.findUnique({ where: { id: 'blijft' } })).toMatchObject({ name: 'Blijft bestaan' });
    await second.close();
  });

  it('that cannot be created gives a clear Dutch message naming the setting', async () => {
    const file = path.join(tempDir(), 'een-bestand');
    writeFileSync(file, 'geen map');
    await expect(openDatabase({ dataDir: path.join(file, 'data') })).rejects.toMatchObject({
      code: 'database_unavailable',
      userMessage: expect.stringMatching(/WIJKWIJS_DATA_DIR/),
    });
  });
});
