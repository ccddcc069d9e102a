-- The core owns threads and "Vraag een collega": one table each for every channel, in place of the
-- Slack and Teams tables of the same purpose. Their rows move over; the old tables go.

-- A platform thread ("slack:<workspace>:<channel>:<thread ts>", "teams:<conversation id>") continues
-- one core conversation per user. The web chat passes its conversation id itself.
CREATE TABLE "conversation_thread" (
    "thread_key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("thread_key", "user_id")
);
CREATE INDEX "conversation_thread_conversation_id_idx" ON "conversation_thread"("conversation_id");

INSERT INTO "conversation_thread" ("thread_key", "user_id", "conversation_id", "created_at")
SELECT 'slack:' || "channel_key" || ':' || "thread_ts", "user_id", "conversation_id", "created_at" FROM "slack_thread"
ON CONFLICT DO NOTHING;
INSERT INTO "conversation_thread" ("thread_key", "user_id", "conversation_id", "created_at")
SELECT 'teams:' || "thread_key", "user_id", "conversation_id", "created_at" FROM "msteams_thread"
ON CONFLICT DO NOTHING;
DROP TABLE "slack_thread";
DROP TABLE "msteams_thread";

-- "Vraag een collega": ids and status only; the anonymised question lives in the answer, the posted
-- message in "notification" (key 'handoff:<id>'), which every channel updates in place.
CREATE TABLE "handoff" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL,
    "answer_id" TEXT REFERENCES "answer"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    "asker_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolved_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3)
);
CREATE INDEX "handoff_asker_id_status_idx" ON "handoff"("asker_id", "status");
CREATE INDEX "handoff_answer_id_idx" ON "handoff"("answer_id");

INSERT INTO "handoff" ("id", "team_id", "answer_id", "asker_id", "status", "resolved_by", "created_at", "resolved_at")
SELECT "id", "team_id", "answer_id", "asker_id", "status", "resolved_by", "created_at", "resolved_at" FROM "slack_handoff"
UNION ALL
SELECT "id", "team_id", "answer_id", "asker_id", "status", "resolved_by", "created_at", "resolved_at" FROM "msteams_handoff"
ON CONFLICT DO NOTHING;
DROP TABLE "slack_handoff";
DROP TABLE "msteams_handoff";
