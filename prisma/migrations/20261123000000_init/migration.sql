-- Initial schema: teams, users, channels, scoped collections, documents, searchable chunks,
-- conversations, answers and feedback.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TYPE "CollectionScope" AS ENUM ('organisation', 'team');
CREATE TYPE "TeamRole" AS ENUM ('member', 'lead', 'admin');

CREATE TABLE "team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "app_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "display_name" TEXT,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "team_member" (
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "role" "TeamRole" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("team_id", "user_id")
);

CREATE TABLE "channel" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "platform" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "channel_platform_external_id_key" ON "channel"("platform", "external_id");

CREATE TABLE "collection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "scope" "CollectionScope" NOT NULL,
    "team_id" TEXT REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- a team collection always names its team; an organisation collection never does
    CONSTRAINT "collection_scope_team" CHECK (("scope" = 'team') = ("team_id" IS NOT NULL))
);

CREATE TABLE "document" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "collection_id" TEXT NOT NULL REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "source_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "source" TEXT,
    "format" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "meta" JSONB NOT NULL DEFAULT '{}',
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "ingested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "document_collection_id_source_key_key" ON "document"("collection_id", "source_key");

CREATE TABLE "chunk" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "document_id" TEXT NOT NULL REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- copied from the document's collection and type so searches filter without joins
    "team_id" TEXT,
    "doc_type" TEXT NOT NULL,
    "ord" INTEGER NOT NULL,
    "heading" TEXT,
    "location" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    -- text prepared for search: document title and heading path (weighted higher) and the body,
    -- each with compound words split into their parts
    "title_text" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    "tsv" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', "title_text"), 'A') || setweight(to_tsvector('dutch', "search_text"), 'B')
    ) STORED,
    "embedding" vector(256),
    "embedder" TEXT
);
CREATE INDEX "chunk_document_id_idx" ON "chunk"("document_id");
CREATE INDEX "chunk_team_id_idx" ON "chunk"("team_id");
CREATE INDEX "chunk_tsv_idx" ON "chunk" USING gin ("tsv");
CREATE INDEX "chunk_embedding_idx" ON "chunk" USING hnsw ("embedding" vector_cosine_ops);

-- How many chunks contain each lexeme, for IDF weighting of query terms; refreshed after ingest.
CREATE TABLE "lexeme_stat" (
    "word" TEXT NOT NULL PRIMARY KEY,
    "ndoc" INTEGER NOT NULL
);

CREATE TABLE "conversation" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "channel" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "team_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "conversation_user_id_idx" ON "conversation"("user_id");
CREATE INDEX "conversation_updated_at_idx" ON "conversation"("updated_at");

CREATE TABLE "answer" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "conversation_id" TEXT NOT NULL REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "question" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "citations" JSONB NOT NULL DEFAULT '[]',
    "mode" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "answer_conversation_id_created_at_idx" ON "answer"("conversation_id", "created_at");

CREATE TABLE "feedback" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "answer_id" TEXT NOT NULL REFERENCES "answer"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "user_id" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "feedback_answer_id_user_id_key" ON "feedback"("answer_id", "user_id");

CREATE TABLE "setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
