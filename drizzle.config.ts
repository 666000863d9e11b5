// drizzle-kit reads the Drizzle schema from here. Warta's migrations are hand-written SQL in src/db/migrations/
// (triggers, partial indexes and PG 15 / PGlite compatibility need a human), so `npm run db:generate` writes its
// draft into tmp/drizzle/ (ignored by git): a starting point to copy from when adding a migration, never applied.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './tmp/drizzle',
})
