/**
 * The migrations of people and absence on rows that exist when they run: an "absent until" still
 * running becomes a range, a past one is dropped with the column; stored names are refreshed at the
 * first lookup; pending jobs learn their team.
 */
import { expect, it } from 'vitest';
import { databaseBefore, migrateUpTo } from '../support/migrations.ts';

const FIRST = '20261210090000_people_names';
const database = databaseBefore(FIRST);

it('turns absent-until into ranges, marks stored names for a refresh and gives pending jobs their team', async () => {
  const { sql } = database();
  await sql.query(`INSERT INTO team (id, name) VALUES ('team-a', 'Team A')`);
  await sql.query(`INSERT INTO app_user (id, display_name) VALUES ('slack:T1:UAWAY', 'Anna'), ('slack:T1:UBACK', NULL), ('slack:T1:UNONE', NULL)`);
  await sql.query(`INSERT INTO team_member (team_id, user_id) VALUES ('team-a', 'slack:T1:UAWAY'), ('team-a', 'slack:T1:UBACK'), ('team-a', 'slack:T1:UNONE')`);
  await sql.query(
    `INSERT INTO member_profile (team_id, user_id, absent_until, updated_at) VALUES
       ('team-a', 'slack:T1:UAWAY', current_date + 5, current_date - 1), ('team-a', 'slack:T1:UBACK', current_date - 3, current_date - 10),
       ('team-a', 'slack:T1:UNONE', NULL, current_date)`,
  );
  await sql.query(`INSERT INTO consultation_meeting (id, team_id, local_date, starts_at, ends_at) VALUES ('m-1', 'team-a', '2026-06-02', now(), now())`);
  await sql.query(`INSERT INTO job (kind, payload, run_at, status) VALUES ('twintig.post-agenda', '{"meetingId": "m-1"}', now(), 'pending'), ('twintig.post-agenda', '{"meetingId": "m-1"}', now(), 'done')`);

  await migrateUpTo(database());

  const ranges = await sql.query<{ user_id: string; starts_on: string; ends_on: string; kind: string; recorded_by: string }>(
    `SELECT user_id, starts_on::text, ends_on::text, kind::text, recorded_by FROM member_absence ORDER BY user_id`,
  );
  const [today] = await sql.query<{ d: string; in5: string; yesterday: string }>(`SELECT current_date::text AS d, (current_date + 5)::text AS in5, (current_date - 1)::text AS yesterday`);
  expect(ranges).toEqual([{ user_id: 'slack:T1:UAWAY', starts_on: today!.yesterday, ends_on: today!.in5, kind: 'anders', recorded_by: 'slack:T1:UAWAY' }]);
  expect(await sql.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'member_profile' AND column_name = 'absent_until'`)).toEqual([]);
  expect(await sql.query(`SELECT id, name_fetched_at IS NOT NULL AS refresh FROM app_user ORDER BY id`)).toEqual([
    { id: 'slack:T1:UAWAY', refresh: true },
    { id: 'slack:T1:UBACK', refresh: false },
    { id: 'slack:T1:UNONE', refresh: false },
  ]);
  expect(await sql.query(`SELECT status, team_id FROM job ORDER BY status`)).toEqual([
    { status: 'done', team_id: null },
    { status: 'pending', team_id: 'team-a' },
  ]);
});
