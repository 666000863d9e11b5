import { describe, expect, it } from 'vitest'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { getTestContext } from '../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  type TestInstansi,
} from '../../../tests/support/fixtures.ts'
import type { Db } from '../../db/client.ts'
import type { Database } from '../../db/open-database.ts'
import * as schema from '../../db/schema/index.ts'
import { setNamingPatterns } from '../../db/settings-repository.ts'
import type { Actor } from '../access/policy.ts'
import { listAttention, readAttention, rotationCutoffOf } from './read-attention.ts'

/** A Drizzle handle over the test database that counts the statements it sends. */
function countingDb(database: Database): { db: Db; statements: () => number } {
  let sent = 0
  const logger = { logQuery: () => void sent++ }
  const db = (database.engine === 'pg'
    ? drizzlePg({ client: database.pool!, schema, logger })
    : drizzlePglite({ client: database.pglite!, schema, logger })) as unknown as Db
  return { db, statements: () => sent }
}

function adminOf(owner: TestInstansi, userId: string): Actor {
  return {
    userId,
    instansiId: owner.id,
    label: 'admin@uji.go.id',
    grants: [{ unitId: owner.rootUnit.id, unitPath: owner.rootUnit.path, role: 'admin' }],
    via: 'session',
  }
}

async function instansiWithAccounts(n: number, rotatedOn: (index: number) => string | null) {
  const ctx = await getTestContext()
  const owner = await createTestInstansi(ctx.db)
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }])
  const units: Array<{ id: string }> = []
  for (let i = 0; i < 3; i++) units.push(await createTestUnit(ctx.db, owner, owner.rootUnit))
  await setNamingPatterns(ctx.db, owner.id, { instagram: 'humas_{unit}', x: '{kota}*' }, new Date())
  await ctx.db.insert(schema.accounts).values(
    Array.from({ length: n }, (_, index) => ({
      instansiId: owner.id,
      unitId: units[index % units.length]!.id,
      platform: index % 2 === 0 ? 'instagram' : 'x',
      handle: `akun_${index}`,
      url: `https://example.org/akun_${index}`,
      penanggungJawabUserId: admin.id,
      platformTwoFactor: index % 3 === 0,
      credentialRotatedOn: rotatedOn(index),
    })),
  )
  return { ctx, owner, actor: adminOf(owner, admin.id) }
}

describe('readAttention', () => {
  it('sends the same few statements for 3 accounts as for 120', async () => {
    const small = await instansiWithAccounts(3, () => null)
    const large = await instansiWithAccounts(120, () => null)
    const counted = async (setup: typeof small) => {
      const { db, statements } = countingDb(setup.ctx.database)
      const view = await readAttention({ db, clock: setup.ctx.clock }, setup.actor)
      return { view, statements: statements() }
    }
    const a = await counted(small)
    const b = await counted(large)
    expect(a.view.accounts).toBe(3)
    expect(b.view.accounts).toBe(120)
    // Every account breaks its pattern (no unit has {kota}, and akun_n is not humas_<code>).
    expect(b.view.counts.find((entry) => entry.item === 'naming')?.count).toBe(120)
    expect(b.statements).toBe(a.statements)
    expect(b.statements).toBeLessThanOrEqual(12)
  })

  it('counts a rotation overdue the day after the period ends, not on its last day', async () => {
    const now = new Date('2026-10-12T03:00:00Z') // Monday 12 Oct 2026, 10.00 WIB
    const clock = { now: () => now }
    // Rotated 90 days before (14 Jul): due today, not overdue. 91 days before (13 Jul): overdue.
    expect(rotationCutoffOf(now, 90)).toBe('2026-07-14')
    const setup = await instansiWithAccounts(3, (index) => ['2026-07-14', '2026-07-13', '2026-10-01'][index]!)
    const view = await readAttention({ db: setup.ctx.db, clock }, setup.actor)
    expect(view.rotationCutoff).toBe('2026-07-14')
    expect(view.counts.find((entry) => entry.item === 'credential_rotation')?.count).toBe(1)
    const list = await listAttention({ db: setup.ctx.db, clock }, setup.actor, 'credential_rotation', {
      limit: 10,
      offset: 0,
    })
    expect(list.items.map((item) => item.handle)).toEqual(['akun_1'])
  })

  it('takes a day after midnight in Jakarta as the new day, whatever the server clock zone', () => {
    // 17.30 UTC on 11 Oct is 00.30 WIB on 12 Oct.
    expect(rotationCutoffOf(new Date('2026-10-11T17:30:00Z'), 90)).toBe('2026-07-14')
  })
})
