-- Which Teams message carries which answer: Teams' feedback buttons (message/submitAction) name only
-- the message they were clicked on. Gone with the answer (retention, erasure).
CREATE TABLE "msteams_answer_message" (
    "activity_key" TEXT NOT NULL,
    "answer_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "msteams_answer_message_pkey" PRIMARY KEY ("activity_key"),
    CONSTRAINT "msteams_answer_message_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answer"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "msteams_answer_message_answer_id_idx" ON "msteams_answer_message"("answer_id");
