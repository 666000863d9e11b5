import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import * as schema from './schema/index.ts'
import { rowsOf } from './sql-helpers.ts'
import { getTestContext } from '../../tests/support/test-context.ts'

describe('Drizzle schema and SQL migrations', () => {
  it('declare the same tables, columns and nullability', async () => {
    const { db } = await getTestContext()
    const columns = rowsOf<{ table_name: string; column_name: string; is_nullable: string }>(
      await db.execute(
        sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'`,
      ),
    )
    const inDatabase = new Map<string, Map<string, boolean>>()
    for (const column of columns) {
      const table = inDatabase.get(column.table_name) ?? new Map<string, boolean>()
      table.set(column.column_name, column.is_nullable === 'YES')
      inDatabase.set(column.table_name, table)
    }
    const tables = (Object.values(schema) as unknown[]).filter(
      (value): value is PgTable => value instanceof PgTable,
    )
    expect(tables.length).toBeGreaterThan(0)
    for (const table of tables) {
      const config = getTableConfig(table)
      const actual = inDatabase.get(config.name)
      expect(actual, `table ${config.name} exists in the migrations`).toBeDefined()
      const declared = Object.fromEntries(config.columns.map((c) => [c.name, !c.notNull]))
      expect(Object.fromEntries(actual!), `columns of ${config.name}`).toEqual(declared)
    }
  })
})
