// The generic SQL helpers every repository shares: LIKE escaping, materialised-path prefixes, reading raw
// results and recognising a unique-constraint refusal. Table-specific queries live in <table>-repository.ts.
import { like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'

/** Rows of a raw `db.execute(sql…)` result: both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

/** The text matched literally by LIKE: `%`, `_` and `\` lose their meaning. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/**
 * `column LIKE prefix || '%'` for any of the prefixes: the units of those subtrees, given a materialised path
 * ('/<root>/…/<id>/'). An empty list matches nothing.
 */
export function pathWithin(column: AnyColumn | SQL, prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) return sql`false`
  return or(...prefixes.map((prefix) => like(column, `${escapeLike(prefix)}%`)))!
}

/** A unique constraint refused the write (two requests raced past the same "is it free?" check). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true
  }
  return false
}

/**
 * A text column in reading order, for `ORDER BY`: ICU's root collation (`und-x-icu`, which Indonesian uses
 * untailored), so case and accents count only as tie-breakers and punctuation comes before digits and letters —
 * the order the web app's Intl.Collator('id') gives. PGlite and PostgreSQL built with ICU (Debian's, the official
 * images) both ship this collation; the database's own default (C in PGlite) would put every capital before every
 * small letter. One difference remains: digits compare one by one ("Bidang 10" before "Bidang 2"), because
 * PGlite's ICU ignores the numeric option; the web sorts one-page lists again with numbers as numbers.
 */
export function inReadingOrder(column: AnyColumn | SQL): SQL {
  return sql`${column} collate "und-x-icu"`
}
