-- Teams resends a message it thinks we missed with the same activity id; the first process to insert
-- the id answers it. Ids only, no message text.
CREATE TABLE "msteams_activity" (
    "activity_key" TEXT NOT NULL PRIMARY KEY,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "msteams_activity_received_at_idx" ON "msteams_activity"("received_at");
