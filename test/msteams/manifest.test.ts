/**
 * The Teams app package's manifest as `npm run teams:package` fills it in, checked against
 * Microsoft's own JSON schema for its version (shipped in @microsoft/app-manifest, read offline),
 * and against what the bot answers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { ASK_ABOUT_MESSAGE_COMMAND } from '../../src/channels/msteams/handlers/cards.ts';
import { SETTINGS_WORDS } from '../../src/channels/msteams/commands.ts';
import { repoRoot } from '../support/context.ts';

const schemas = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas/teams');
const filled = () =>
  JSON.parse(
    readFileSync(path.join(repoRoot, 'msteams/manifest.json'), 'utf8')
      .replaceAll('{{MICROSOFT_APP_ID}}', '00000000-0000-4000-8000-000000000001')
      .replaceAll('{{WIJKWIJS_HOST}}', 'wijkwijs.example.nl'),
  );

describe('the Teams app manifest', () => {
  it('uses the newest numbered schema Microsoft publishes, and is valid against it', async () => {
    const manifest = filled();
    const newest = readdirSync(schemas)
      .filter((v) => /^v\d+\.\d+$/.test(v))
      .map((v) => v.slice(1))
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .at(-1);
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
    // The published schema has a regex JavaScript does not read (\a); Microsoft's own loader replaces it too.
    const schema = JSON.parse(readFileSync(path.join(schemas, `v${newest}/MicrosoftTeams.schema.json`), 'utf8').replace(/\\a/g, '\\x07'));
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('fails that check for a manifest with a mistake in it', async () => {
    const manifest = filled();
    manifest.bots[0].commandLists[0].commands[0].type = 'vraag';
    const schema = JSON.parse(readFileSync(path.join(schemas, `v${manifest.manifestVersion}/MicrosoftTeams.schema.json`), 'utf8').replace(/\\a/g, '\\x07'));
    expect((await ManifestUtil.validateManifestAgainstSchema(manifest, schema)).length).toBeGreaterThan(0);
  });

  it('carries prompt starters, the message action, the channel settings and the permission to read channel messages', () => {
    const manifest = filled();
    const [personal, team] = manifest.bots[0].commandLists;
    const prompts = personal.commands.filter((c: any) => c.type === 'prompt');
    expect(prompts.length).toBeGreaterThanOrEqual(3);
    for (const p of prompts) expect(p.prompt).toMatch(/\?$/);
    // Coaches use afwezig themselves; it is offered in the personal chat.
    expect(personal.commands.map((c: any) => c.title)).toContain('afwezig');
    const teamWords = team.commands.map((c: any) => c.title);
    for (const word of ['koppel', 'ontkoppel', 'status', 'modus', 'teamkanaal', 'groep']) {
      expect(teamWords).toContain(word);
      expect(SETTINGS_WORDS).toContain(word);
    }
    expect(manifest.composeExtensions[0].commands).toEqual([expect.objectContaining({ id: ASK_ABOUT_MESSAGE_COMMAND, type: 'action', context: ['message'], title: 'Vraag Wijkwijs hierover', fetchTask: false })]);
    // "modus alles" needs every channel message, not only mentions.
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({ name: 'ChannelMessage.Read.Group', type: 'Application' });
  });
});
