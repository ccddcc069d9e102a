-- Jobs: reminders, announcements and time-outs that must survive a restart and run once even when
-- several processes share the database. A job with a key exists once per key while pending, so
-- scheduling the same reminder twice moves it instead of doubling it.
CREATE TABLE "job" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "run_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "job_key_key" ON "job"("key");
CREATE INDEX "job_status_run_at_idx" ON "job"("status", "run_at");

-- Messages the assistant sends on its own (announcements, reminders, requests to a colleague), to a
-- user or to a team. Kept so the web chat can show them and channels can update them in place; each
-- channel records where it posted the message in "deliveries" (e.g. a Slack ts, a Teams activity id).
CREATE TABLE "notification" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "key" TEXT,
    "user_id" TEXT,
    "team_id" TEXT,
    "reply" JSONB NOT NULL,
    "deliveries" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_one_recipient" CHECK (("user_id" IS NULL) <> ("team_id" IS NULL))
);
CREATE UNIQUE INDEX "notification_key_key" ON "notification"("key");
CREATE INDEX "notification_user_id_updated_at_idx" ON "notification"("user_id", "updated_at");
CREATE INDEX "notification_team_id_updated_at_idx" ON "notification"("team_id", "updated_at");
