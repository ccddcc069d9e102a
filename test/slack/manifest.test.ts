/** The Slack app manifest carries what the Bolt app listens to: the assistant surface, its scopes and events, the shortcut. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_ABOUT_MESSAGE } from '../../src/channels/slack/listeners/shortcuts.ts';
import { repoRoot } from '../support/context.ts';

// js-yaml comes with gray-matter (front matter); it has no types of its own here.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const manifest = yaml.load(readFileSync(path.join(repoRoot, 'slack/manifest.yml'), 'utf8')) as any;

describe('the Slack app manifest', () => {
  it('turns on the assistant surface with its scope, events and suggested prompts', () => {
    expect(manifest.features.assistant_view.assistant_description).toMatch(/bronnen/);
    expect(manifest.features.assistant_view.suggested_prompts.length).toBeGreaterThan(0);
    expect(manifest.oauth_config.scopes.bot).toContain('assistant:write');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['assistant_thread_started', 'assistant_thread_context_changed', 'message.im']));
  });

  it('offers the message shortcut the app listens for', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ name: 'Vraag Wijkwijs hierover', type: 'message', callback_id: ASK_ABOUT_MESSAGE })]);
    expect(manifest.oauth_config.scopes.bot).toContain('commands');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
