// The shared SQL helpers on the test engine (PGlite, and PostgreSQL when a URL is given): an escaped pattern
// matches only the literal text, and the error a real duplicate key raises through Drizzle is recognised.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../tests/support/fixtures.ts'
import { getTestContext } from '../../tests/support/test-context.ts'
import { insertInstansi } from './instansi-repository.ts'
import { escapeLike, isUniqueViolation, rowsOf } from './sql-helpers.ts'

async function likes(text: string, pattern: string): Promise<boolean> {
  const { db } = await getTestContext()
  const [row] = rowsOf<{ matched: boolean }>(await db.execute(sql`select ${text} like ${pattern} as matched`))
  return row!.matched
}

describe('the SQL helpers on a real database', () => {
  it.each([
    ['50%', '50 persen'],
    ['kode_unit', 'kode-unit'],
    ['C:\\data', 'C:data'],
  ])('makes LIKE match %j literally, not %j', async (text, lookalike) => {
    expect(await likes(text, escapeLike(text))).toBe(true)
    expect(await likes(lookalike, escapeLike(text))).toBe(false)
    expect(await likes(`${text} dan lainnya`, `${escapeLike(text)}%`)).toBe(true)
  })

  it('recognises the unique violation of a duplicate slug, and not another failure', async () => {
    const { db } = await getTestContext()
    const existing = await createTestInstansi(db)
    const duplicate = { id: crypto.randomUUID(), slug: existing.slug, name: 'Kembar' }
    const refusal = await insertInstansi(db, duplicate, new Date()).catch((error: unknown) => error)
    expect(isUniqueViolation(refusal)).toBe(true)

    const otherFailure = await db.execute(sql`select 1 / 0`).catch((error: unknown) => error)
    expect(otherFailure).toBeInstanceOf(Error)
    expect(isUniqueViolation(otherFailure)).toBe(false)
  })
})
