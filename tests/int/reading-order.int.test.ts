// Lists the server orders and pages read in the same order as the web app's Indonesian collation
// (web/src/components/indonesian-collation.ts), on PGlite and on PostgreSQL alike: users by name, accounts by
// handle. The names differ only where the database's default collation (C in PGlite) would disagree: capitals,
// accents and punctuation. (Numbers inside names are the one known difference; see inReadingOrder.)
import { describe, expect, it } from 'vitest'
import { listAccounts } from '../../src/db/accounts-repository.ts'
import { accounts, users } from '../../src/db/schema/index.ts'
import { listUsersInScope } from '../../src/db/users-repository.ts'
import { compareIndonesian } from '../../web/src/components/indonesian-collation.ts'
import { createTestInstansi, createTestUser } from '../support/fixtures.ts'
import { getTestContext } from '../support/test-context.ts'
import { eq, sql } from 'drizzle-orm'
import { inReadingOrder, rowsOf } from '../../src/db/sql-helpers.ts'

const NAMES = [
  'Zaitun Akbar',
  'abdul Rahman',
  'Édi Susanto',
  'Budi Santoso',
  'bambang Eko',
  'Edo Pratama',
  'ayu',
]
const HANDLES = ['humasa', 'humas_kota', 'humas2', 'humas.kota', 'dinkes', 'bappeda', 'kominfo_kota']

const inIndonesianOrder = (texts: readonly string[]) => [...texts].sort(compareIndonesian)

describe('the order of server-sorted lists', () => {
  it('lists users by name in Indonesian collation, capitals and accents not first', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db, 'Kota Urutan Pengguna')
    for (const name of NAMES) {
      const user = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
      await db.update(users).set({ name }).where(eq(users.id, user.id))
    }
    const listed = await listUsersInScope(db, owner.id, [owner.rootUnit.path], true)
    expect(listed.map((user) => user.name)).toEqual(inIndonesianOrder(NAMES))
  })

  it('pages accounts by handle in Indonesian collation, punctuation before digits before letters', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db, 'Kota Urutan Akun')
    const official = await createTestUser(db, owner, [
      { unitId: owner.rootUnit.id, role: 'penanggung_jawab' },
    ])
    await db.insert(accounts).values(
      HANDLES.map((handle) => ({
        instansiId: owner.id,
        unitId: owner.rootUnit.id,
        platform: 'instagram' as const,
        handle,
        handleDisplay: handle,
        displayName: `Akun ${handle}`,
        url: `https://www.instagram.com/${handle}`,
        penanggungJawabUserId: official.id,
      })),
    )
    const filter = { instansiId: owner.id, pathPrefixes: [owner.rootUnit.path] }
    const whole = await listAccounts(db, filter, undefined)
    const first = await listAccounts(db, filter, { limit: 4, offset: 0 })
    const rest = await listAccounts(db, filter, { limit: 4, offset: 4 })
    const expected = inIndonesianOrder(HANDLES)
    expect(whole.items.map((account) => account.handle)).toEqual(expected)
    expect([...first.items, ...rest.items].map((account) => account.handle)).toEqual(expected)
  })

  it('reads a page of accounts in that order from an index, without sorting every account of the instansi', async () => {
    const { db } = await getTestContext()
    const owner = await createTestInstansi(db, 'Kota Urutan Indeks')
    const official = await createTestUser(db, owner, [
      { unitId: owner.rootUnit.id, role: 'penanggung_jawab' },
    ])
    await db.insert(accounts).values(
      Array.from({ length: 400 }, (_, index) => ({
        instansiId: owner.id,
        unitId: owner.rootUnit.id,
        platform: index % 2 === 0 ? ('instagram' as const) : ('x' as const),
        handle: `akun_${index}`,
        url: `https://example.org/${index}`,
        penanggungJawabUserId: official.id,
      })),
    )
    await db.execute(sql`analyze accounts`)
    // The inner page query of listAccounts (accounts-repository.ts pageQuery), as PostgreSQL plans it.
    const plan = rowsOf<{ 'QUERY PLAN': string }>(
      await db.execute(
        sql`explain select ${accounts.id} from ${accounts} where ${accounts.instansiId} = ${owner.id}
            order by ${accounts.platform}, ${inReadingOrder(accounts.handle)} limit 50`,
      ),
    )
      .map((row) => row['QUERY PLAN'])
      .join('\n')
    expect(plan).toContain('accounts_reading_order_idx')
    expect(plan).not.toMatch(/Sort/)
  })
})
