-- The questions coaches ask that a passage answers (front matter `vragen` of its section), searched as
-- a field of their own: weight C next to the title and heading (A) and the body (B).
ALTER TABLE "chunk" ADD COLUMN "questions_text" TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS "chunk_tsv_idx";
ALTER TABLE "chunk" DROP COLUMN "tsv";
ALTER TABLE "chunk" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', "title_text"), 'A') || setweight(to_tsvector('dutch', "search_text"), 'B')
        || setweight(to_tsvector('dutch', "questions_text"), 'C')
) STORED;
-- See 20261123011000_search_index: no pending list, PGlite runs no autovacuum.
CREATE INDEX "chunk_tsv_idx" ON "chunk" USING gin ("tsv") WITH (fastupdate = off);
