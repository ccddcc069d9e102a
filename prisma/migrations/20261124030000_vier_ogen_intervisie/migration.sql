-- Vier-ogen checks (a colleague checks an indication for specialist care before it is issued) and
-- intervisie slots. Texts stored here are the anonymised ones the coach confirmed; never raw input.

-- Per team member: expertise for matching, absence, and the rotation state of vier-ogen requests.
CREATE TABLE "member_profile" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expertise" TEXT[] NOT NULL DEFAULT '{}',
    -- absent up to and including this local date
    "absent_until" DATE,
    "vierogen_asked_count" INTEGER NOT NULL DEFAULT 0,
    "vierogen_last_asked_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("team_id", "user_id"),
    CONSTRAINT "member_profile_member_fkey" FOREIGN KEY ("team_id", "user_id") REFERENCES "team_member"("team_id", "user_id") ON DELETE CASCADE
);

CREATE TABLE "vier_ogen_request" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "requester_id" TEXT NOT NULL,
    -- the anonymised indication as confirmed by the coach
    "indication" TEXT NOT NULL,
    "expertise" TEXT,
    "deadline" DATE,
    -- draft | asked | agreed | not_agreed | no_reviewer | withdrawn
    "status" TEXT NOT NULL DEFAULT 'draft',
    "reviewer_id" TEXT,
    "asked_at" TIMESTAMP(3),
    -- who passed or did not answer in time, in order
    "passed_by" TEXT[] NOT NULL DEFAULT '{}',
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "vier_ogen_request_requester_id_status_idx" ON "vier_ogen_request"("requester_id", "status");
CREATE INDEX "vier_ogen_request_team_id_idx" ON "vier_ogen_request"("team_id");

-- Every ask of a reviewer; the rotation counts these per member over a recent period.
CREATE TABLE "vier_ogen_ask" (
    "request_id" TEXT NOT NULL REFERENCES "vier_ogen_request"("id") ON DELETE CASCADE,
    "reviewer_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "asked_at" TIMESTAMP(3) NOT NULL,
    -- pending | agreed | not_agreed | passed | timed_out | withdrawn
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "answered_at" TIMESTAMP(3),
    PRIMARY KEY ("request_id", "reviewer_id")
);
CREATE INDEX "vier_ogen_ask_team_id_asked_at_idx" ON "vier_ogen_ask"("team_id", "asked_at");

-- One occurrence of an intervisie session; a recurring series shares series_id.
CREATE TABLE "intervisie_slot" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "series_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    -- a werkvorm slug: the file name in knowledge/werkvormen without .md
    "method" TEXT NOT NULL,
    "facilitator_id" TEXT,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "local_date" TEXT NOT NULL,
    "local_time" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "duration_minutes" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    -- none | weekly:<n weeks>
    "recurrence" TEXT NOT NULL DEFAULT 'none',
    -- planned | cancelled
    "status" TEXT NOT NULL DEFAULT 'planned',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "intervisie_slot_team_id_starts_at_idx" ON "intervisie_slot"("team_id", "starts_at");

CREATE TABLE "intervisie_signup" (
    "slot_id" TEXT NOT NULL REFERENCES "intervisie_slot"("id") ON DELETE CASCADE,
    "user_id" TEXT NOT NULL,
    -- confirmed | waiting | cancelled
    "status" TEXT NOT NULL,
    -- place on the waiting list (1 = next in line) while waiting
    "position" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("slot_id", "user_id")
);

-- A team's request for a new slot, with a date poll.
CREATE TABLE "intervisie_request" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "requested_by" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    -- candidate local date-times, "2026-04-02T14:00"
    "options" TEXT[] NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    -- open | closed
    "status" TEXT NOT NULL DEFAULT 'open',
    "slot_id" TEXT,
    "closes_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "intervisie_vote" (
    "request_id" TEXT NOT NULL REFERENCES "intervisie_request"("id") ON DELETE CASCADE,
    "user_id" TEXT NOT NULL,
    "option" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("request_id", "user_id", "option")
);
