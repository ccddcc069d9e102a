/**
 * The migration that gives threads and hand-offs to the core: rows of the Slack and Teams tables of
 * the same purpose move into the one table each, so conversations and open requests carry on.
 */
import { expect, it } from 'vitest';
import { databaseBefore, migrateUpTo } from '../support/migrations.ts';

const MIGRATION = '20261203120000_core_threads_handoffs';
const database = databaseBefore(MIGRATION);

it('moves Slack and Teams threads and hand-offs into the core tables and drops the old ones', async () => {
  const db = database();
  const [slackConversation] = await db.sql.query<{ id: string }>(`INSERT INTO conversation (id, channel, user_id) VALUES ('c-slack', 'slack', 'slack:T1:U1') RETURNING id`);
  await db.sql.query(`INSERT INTO conversation (id, channel, user_id) VALUES ('c-teams', 'teams', 'teams:aad-1')`);
  await db.sql.query(`INSERT INTO answer (id, conversation_id, question, text, mode) VALUES ('a-1', 'c-slack', 'Vraag?', 'Antwoord', 'extractive')`);
  await db.sql.query(`INSERT INTO slack_thread (channel_key, thread_ts, user_id, conversation_id) VALUES ('T1:C1', '1700000000.000100', 'slack:T1:U1', $1), ('T1:D1', '', 'slack:T1:U1', $1)`, [slackConversation!.id]);
  await db.sql.query(`INSERT INTO msteams_thread (thread_key, user_id, conversation_id) VALUES ('19:chan;messageid=7', 'teams:aad-1', 'c-teams')`);
  await db.sql.query(`INSERT INTO slack_handoff (id, team_id, answer_id, asker_id, channel_key, status) VALUES ('h-slack', 'team-a', 'a-1', 'slack:T1:U1', 'T1:C9', 'open')`);
  await db.sql.query(`INSERT INTO msteams_handoff (id, team_id, asker_id, conversation_id, status, resolved_by) VALUES ('h-teams', 'team-b', 'teams:aad-1', '19:chan', 'resolved', 'teams:aad-2')`);

  // Up to this migration only: later ones rename what it wrote.
  expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION]);

  const threads = await db.sql.query(`SELECT thread_key, user_id, conversation_id FROM conversation_thread ORDER BY thread_key`);
  expect(threads).toEqual([
    { thread_key: 'slack:T1:C1:1700000000.000100', user_id: 'slack:T1:U1', conversation_id: 'c-slack' },
    { thread_key: 'slack:T1:D1:', user_id: 'slack:T1:U1', conversation_id: 'c-slack' },
    { thread_key: 'teams:19:chan;messageid=7', user_id: 'teams:aad-1', conversation_id: 'c-teams' },
  ]);
  const handoffs = await db.sql.query(`SELECT id, team_id, answer_id, asker_id, status, resolved_by FROM handoff ORDER BY id`);
  expect(handoffs).toEqual([
    { id: 'h-slack', team_id: 'team-a', answer_id: 'a-1', asker_id: 'slack:T1:U1', status: 'open', resolved_by: null },
    { id: 'h-teams', team_id: 'team-b', answer_id: null, asker_id: 'teams:aad-1', status: 'resolved', resolved_by: 'teams:aad-2' },
  ]);
  const old = await db.sql.query(`SELECT tablename FROM pg_tables WHERE tablename IN ('slack_thread', 'msteams_thread', 'slack_handoff', 'msteams_handoff')`);
  expect(old).toEqual([]);
});
