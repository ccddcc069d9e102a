-- Twintig-ogen: a team's meeting rhythm, the meetings planned from it, the cases on their agenda,
-- polls for an extra short session, and the follow-ups agreed in a meeting. Local dates ("2026-03-31")
-- and times ("10:00") are kept as text in the team's time zone; instants are computed per meeting,
-- so a meeting stays at 10:00 across DST. Case texts are stored only anonymised.
CREATE TABLE "team_rhythm" (
    "team_id" TEXT NOT NULL PRIMARY KEY REFERENCES "team"("id") ON DELETE CASCADE,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "weekday" INTEGER NOT NULL,
    "interval_weeks" INTEGER NOT NULL DEFAULT 2,
    "anchor_date" TEXT NOT NULL,
    "start_time" TEXT NOT NULL,
    "end_time" TEXT NOT NULL,
    "cases_per_meeting" INTEGER NOT NULL DEFAULT 3,
    "minutes_per_case" INTEGER NOT NULL DEFAULT 30,
    "skipped_dates" TEXT[] NOT NULL DEFAULT '{}',
    "facilitator_ids" TEXT[] NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "consultation_meeting" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "local_date" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'regular',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- One regular meeting per team and date, so materialising the same date twice finds the first.
CREATE UNIQUE INDEX "consultation_meeting_team_id_local_date_kind_key" ON "consultation_meeting"("team_id", "local_date", "kind");
CREATE INDEX "consultation_meeting_team_id_starts_at_idx" ON "consultation_meeting"("team_id", "starts_at");

CREATE TABLE "consultation_request" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "requester_id" TEXT NOT NULL,
    "meeting_id" TEXT REFERENCES "consultation_meeting"("id") ON DELETE SET NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "summary" TEXT NOT NULL,
    "dilemma" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "tried" TEXT NOT NULL DEFAULT '',
    "urgency" TEXT NOT NULL DEFAULT 'normal',
    "latest_date" TEXT,
    "rsvps" TEXT[] NOT NULL DEFAULT '{}',
    -- The anonymised advice and agreements waiting for the recorder's check.
    "outcome_draft" JSONB,
    "document_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "consultation_request_meeting_id_idx" ON "consultation_request"("meeting_id");
CREATE INDEX "consultation_request_team_id_status_idx" ON "consultation_request"("team_id", "status");

CREATE TABLE "consultation_poll" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "request_id" TEXT NOT NULL REFERENCES "consultation_request"("id") ON DELETE CASCADE,
    "options" TIMESTAMP(3)[] NOT NULL,
    "votes" JSONB NOT NULL DEFAULT '{}',
    "closes_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "meeting_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "consultation_follow_up" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "request_id" TEXT NOT NULL REFERENCES "consultation_request"("id") ON DELETE CASCADE,
    "owner_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "due_date" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "effect" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "consultation_follow_up_team_id_status_idx" ON "consultation_follow_up"("team_id", "status");
