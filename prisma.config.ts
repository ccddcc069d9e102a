// Prisma CLI configuration. The app itself never reads this: it connects through driver adapters
// (PGlite embedded, or @prisma/adapter-pg with DATABASE_URL) and applies migrations with its own migrator.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/wijkwijs' },
});
