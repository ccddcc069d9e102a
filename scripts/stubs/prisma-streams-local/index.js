// `prisma dev` (Prisma's local Postgres with streams) is not part of Wijkwijs: the embedded
// database is PGlite, see src/lib/db.ts. The real package needs Node 22; Wijkwijs runs on 20.
export async function startLocalDurableStreamsServer() {
  throw new Error('`prisma dev` wordt in Wijkwijs niet gebruikt: de ingebouwde database is PGlite (WIJKWIJS_DATA_DIR), of zet DATABASE_URL.');
}
