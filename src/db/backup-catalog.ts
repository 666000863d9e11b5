// What a backup contains, read from the database's own catalog rather than the Drizzle schema, so every table a
// migration adds is backed up without anyone remembering to list it. Queries run on PostgreSQL 15 and PGlite.
import { sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { rowsOf } from './sql-helpers.ts'
import { orderByDependencies } from './backup-format.ts'

/** A Drizzle handle or transaction: both can `execute`. */
export type SqlExecutor = Pick<Db, 'execute'>

export interface BackupTable {
  name: string
  /** Columns that take a value on insert (stored generated columns are recomputed, so left out). */
  columns: string[]
  primaryKey: string[]
  references: string[]
  /** Foreign keys from the table to itself (units.parent_id): rows must go in parents first. */
  selfReferences: { columns: string[]; referenced: string[] }[]
}

export interface OwnedSequence {
  table: string
  column: string
  sequence: string
}

// The migration bookkeeping table travels in the header; pg-boss keeps its own schema (transient jobs).
const EXCLUDED = new Set(['warta_migrations'])

export async function readBackupCatalog(db: SqlExecutor): Promise<BackupTable[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`),
  ).filter((row) => !EXCLUDED.has(row.name))

  const columns = rowsOf<{ table_name: string; column_name: string; generated: string }>(
    await db.execute(sql`
      select c.relname as table_name, a.attname as column_name, a.attgenerated::text as generated
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`),
  )
  const primaryKeys = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.relname as table_name, a.attname as column_name
      from pg_index i
      join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey::int2[])
      where n.nspname = 'public' and i.indisprimary
      order by c.relname, array_position(i.indkey::int2[], a.attnum)`),
  )
  const foreignKeys = rowsOf<{
    table_name: string
    referenced_table: string
    columns: string[]
    referenced: string[]
  }>(
    await db.execute(sql`
      select c.relname as table_name, rc.relname as referenced_table,
             array(select a.attname::text from unnest(k.conkey) with ordinality as u(num, ord)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.ord) as columns,
             array(select a.attname::text from unnest(k.confkey) with ordinality as u(num, ord)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.ord) as referenced
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_class rc on rc.oid = k.confrelid
      where n.nspname = 'public' and k.contype = 'f'`),
  )

  const result: BackupTable[] = tables.map((table) => {
    const own = foreignKeys.filter((fk) => fk.table_name === table.name)
    return {
      name: table.name,
      columns: columns
        .filter((c) => c.table_name === table.name && c.generated === '')
        .map((c) => c.column_name),
      primaryKey: primaryKeys.filter((k) => k.table_name === table.name).map((k) => k.column_name),
      references: [
        ...new Set(own.filter((fk) => fk.referenced_table !== table.name).map((fk) => fk.referenced_table)),
      ],
      selfReferences: own
        .filter((fk) => fk.referenced_table === table.name)
        .map((fk) => ({ columns: fk.columns, referenced: fk.referenced })),
    }
  })
  return orderByDependencies(result)
}

/** Sequences owned by a column (bigserial, identity), named by table and column so names never matter. */
export async function readOwnedSequences(db: SqlExecutor): Promise<OwnedSequence[]> {
  return rowsOf<OwnedSequence>(
    await db.execute(sql`
      select t.relname as "table", a.attname as "column", s.relname as "sequence"
      from pg_class s
      join pg_namespace n on n.oid = s.relnamespace
      join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where s.relkind = 'S' and n.nspname = 'public' and d.deptype in ('a', 'i')
      order by t.relname, a.attname`),
  ).filter((row) => !EXCLUDED.has(row.table))
}

export async function readAppliedMigrations(db: SqlExecutor): Promise<string[]> {
  const exists = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('public.warta_migrations') is not null as present`),
  )
  if (!exists[0]?.present) return []
  return rowsOf<{ name: string }>(await db.execute(sql`select name from warta_migrations order by name`)).map(
    (row) => row.name,
  )
}
