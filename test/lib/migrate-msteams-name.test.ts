/**
 * The migration that names Microsoft Teams "msteams" in stored rows: conversations, linked channels,
 * their audit subjects, thread keys and notification deliveries carry on under the new name, and
 * the user ids and everything of Slack stay as they were.
 */
import { expect, it } from 'vitest';
import { databaseBefore, migrateUpTo } from '../support/migrations.ts';

const MIGRATION = '20261205090000_msteams_channel_name';
const database = databaseBefore(MIGRATION);

it('renames the stored channel "teams" to "msteams" and leaves user ids and Slack alone', async () => {
  const db = database();
  const { sql } = db;
  await sql.query(`INSERT INTO team (id, name) VALUES ('team-a', 'Team A')`);
  await sql.query(`INSERT INTO conversation (id, channel, user_id) VALUES ('c-ms', 'teams', 'teams:aad-1'), ('c-slack', 'slack', 'slack:T1:U1')`);
  await sql.query(`INSERT INTO channel (platform, external_id, team_id) VALUES ('teams', '19:kanaal@thread.tacv2', 'team-a'), ('slack', 'T1:C1', 'team-a')`);
  await sql.query(
    `INSERT INTO audit_event (actor_id, action, subject_type, subject_id) VALUES
       ('teams:aad-1', 'channel.linked', 'channel', 'teams:19:kanaal@thread.tacv2'),
       ('teams:aad-1', 'team.member_added', 'user', 'teams:aad-2'),
       ('slack:T1:U1', 'channel.linked', 'channel', 'slack:T1:C1')`,
  );
  await sql.query(
    `INSERT INTO conversation_thread (thread_key, user_id, conversation_id) VALUES
       ('teams:19:kanaal@thread.tacv2;messageid=7', 'teams:aad-1', 'c-ms'), ('slack:T1:C1:1700000000.000100', 'slack:T1:U1', 'c-slack')`,
  );
  await sql.query(
    `INSERT INTO notification (id, team_id, reply, deliveries) VALUES
       ('n-both', 'team-a', '{}', '{"slack": {"ts": "1.2"}, "teams": {"posts": [{"activityId": "a-1"}]}}'), ('n-slack', 'team-a', '{}', '{"slack": {"ts": "3.4"}}')`,
  );

  expect(await migrateUpTo(db)).toContain(MIGRATION);

  expect(await sql.query(`SELECT id, channel, user_id FROM conversation ORDER BY id`)).toEqual([
    { id: 'c-ms', channel: 'msteams', user_id: 'teams:aad-1' },
    { id: 'c-slack', channel: 'slack', user_id: 'slack:T1:U1' },
  ]);
  expect(await sql.query(`SELECT platform, external_id FROM channel ORDER BY platform`)).toEqual([
    { platform: 'msteams', external_id: '19:kanaal@thread.tacv2' },
    { platform: 'slack', external_id: 'T1:C1' },
  ]);
  expect(await sql.query(`SELECT actor_id, subject_id FROM audit_event ORDER BY action, subject_id`)).toEqual([
    { actor_id: 'teams:aad-1', subject_id: 'msteams:19:kanaal@thread.tacv2' },
    { actor_id: 'slack:T1:U1', subject_id: 'slack:T1:C1' },
    { actor_id: 'teams:aad-1', subject_id: 'teams:aad-2' },
  ]);
  expect(await sql.query(`SELECT thread_key, user_id FROM conversation_thread ORDER BY thread_key`)).toEqual([
    { thread_key: 'msteams:19:kanaal@thread.tacv2;messageid=7', user_id: 'teams:aad-1' },
    { thread_key: 'slack:T1:C1:1700000000.000100', user_id: 'slack:T1:U1' },
  ]);
  expect(await sql.query(`SELECT id, deliveries FROM notification ORDER BY id`)).toEqual([
    { id: 'n-both', deliveries: { slack: { ts: '1.2' }, msteams: { posts: [{ activityId: 'a-1' }] } } },
    { id: 'n-slack', deliveries: { slack: { ts: '3.4' } } },
  ]);
});
