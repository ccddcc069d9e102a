-- Microsoft Teams: where the bot can post on its own (conversation references), which Teams thread
-- continues which core conversation, and hand-off requests. Channel links live in "channel"
-- (platform 'teams', external_id = the Teams channel id), like Slack's.

-- One row per Teams conversation the bot is in: a personal chat, a team channel or a group chat.
-- The reference is what Bot Framework needs to post there later (serviceUrl, ids); no message text.
CREATE TABLE "msteams_conversation" (
    "conversation_id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "tenant_id" TEXT,
    "teams_team_id" TEXT,
    "channel_id" TEXT,
    "service_url" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "msteams_conversation_user_id_idx" ON "msteams_conversation"("user_id");
CREATE INDEX "msteams_conversation_teams_team_id_idx" ON "msteams_conversation"("teams_team_id");

-- A Teams thread (a channel post's replies, or a chat) continues one core conversation per user.
CREATE TABLE "msteams_thread" (
    "thread_key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("thread_key", "user_id")
);
CREATE INDEX "msteams_thread_conversation_id_idx" ON "msteams_thread"("conversation_id");

-- "Vraag een collega" in a Teams channel: ids only; the anonymised question lives in the answer.
CREATE TABLE "msteams_handoff" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL,
    "answer_id" TEXT REFERENCES "answer"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    "asker_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "activity_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolved_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3)
);
CREATE INDEX "msteams_handoff_answer_id_idx" ON "msteams_handoff"("answer_id");
