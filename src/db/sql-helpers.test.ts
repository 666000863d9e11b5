// The shared SQL helpers without a database: what LIKE pattern they build and which errors they recognise, with
// the error classes both drivers really throw (node-postgres and PGlite each bundle their own pg-protocol) and
// the wrapper Drizzle puts around them. sql-helpers.int.test.ts runs the same on a real database.
import { messages as pgliteMessages } from '@electric-sql/pglite'
import { DrizzleQueryError } from 'drizzle-orm/errors'
import { PgDialect } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { units } from './schema/index.ts'
import { escapeLike, isUniqueViolation, pathWithin } from './sql-helpers.ts'

const render = (query: Parameters<PgDialect['sqlToQuery']>[0]) => new PgDialect().sqlToQuery(query)

function databaseErrors(code: string): Array<[string, Error]> {
  const fromPg = Object.assign(new pg.DatabaseError('duplicate key value', 0, 'error'), { code })
  const fromPglite = Object.assign(new pgliteMessages.DatabaseError('duplicate key value', 0, 'error'), {
    code,
  })
  return [
    ['node-postgres', fromPg],
    ['PGlite', fromPglite],
    ['node-postgres inside Drizzle', new DrizzleQueryError('insert …', [], fromPg)],
    ['PGlite inside Drizzle', new DrizzleQueryError('insert …', [], fromPglite)],
  ]
}

describe('escapeLike', () => {
  it.each([
    ['50%', '50\\%'],
    ['kode_unit', 'kode\\_unit'],
    ['C:\\data', 'C:\\\\data'],
    ['\\%_', '\\\\\\%\\_'],
    ['biasa saja', 'biasa saja'],
    ['', ''],
  ])('makes %j match only itself', (text, pattern) => {
    expect(escapeLike(text)).toBe(pattern)
  })
})

describe('pathWithin', () => {
  it('matches nothing for no prefixes', () => {
    expect(render(pathWithin(units.path, [])).sql).toBe('false')
  })

  it('builds one escaped LIKE prefix per subtree, joined by OR', () => {
    const query = render(pathWithin(units.path, ['/a/', '/a_b/%/']))
    expect(query.sql).toBe('("units"."path" like $1 or "units"."path" like $2)')
    expect(query.params).toEqual(['/a/%', '/a\\_b/\\%/%'])
  })
})

describe('isUniqueViolation', () => {
  it.each(databaseErrors('23505'))('recognises a unique violation from %s', (_engine, error) => {
    expect(isUniqueViolation(error)).toBe(true)
  })

  it.each(databaseErrors('23503'))('leaves other refusals from %s alone', (_engine, error) => {
    expect(isUniqueViolation(error)).toBe(false)
  })

  it('finds the code however deep the causes go, and ignores what is not an error', () => {
    const deep = new Error('outer', { cause: new Error('middle', { cause: { code: '23505' } }) })
    expect(isUniqueViolation(deep)).toBe(true)
    for (const value of [undefined, null, 'duplicate key', 23505, new Error('unique constraint')])
      expect(isUniqueViolation(value)).toBe(false)
  })
})
