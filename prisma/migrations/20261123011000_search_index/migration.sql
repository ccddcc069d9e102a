-- Full-text search reads the GIN index term by term. With fastupdate, new entries wait in a pending
-- list that every search scans in full until a VACUUM merges it, and PGlite runs no autovacuum: a
-- single-term lookup then read the whole list (tens of ms). Insert straight into the index instead.
ALTER INDEX "chunk_tsv_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('chunk_tsv_idx'::regclass);
