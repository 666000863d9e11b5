// The benchmark's data set: one instansi with a small unit tree, 50 users with role grants and 2,000 official
// accounts spread over units and platforms, plus a personal API token for the admin that drives the load.
// Inserted directly in bulk (the features' one-by-one audited writes would take minutes and are not measured).
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { hash } from '@node-rs/argon2'
import type { Db } from '../src/db/client.ts'
import { accounts, apiTokens, instansi, roleGrants, units, users } from '../src/db/schema/index.ts'
import { PLATFORMS, defaultAccountUrl } from '../src/features/accounts/platform-handle.ts'
import { generateApiToken, sha256Hex, tokenHint } from '../src/features/identity/secret-token.ts'

export interface BenchData {
  instansiId: string
  token: string
  accounts: number
  users: number
}

const ROLES = ['penanggung_jawab', 'pengelola', 'analis', 'ppid', 'pimpinan', 'auditor'] as const

export async function loadBenchData(
  db: Db,
  options: { accounts?: number; users?: number } = {},
): Promise<BenchData> {
  const accountCount = options.accounts ?? 2000
  const userCount = options.users ?? 50
  const [owner] = await db
    .insert(instansi)
    .values({ slug: 'bench', name: 'Pemerintah Kota Bench' })
    .returning()
  const instansiId = owner!.id

  // Root, 5 dinas, 4 bidang under each: 26 units, three levels deep.
  const rootId = randomUUID()
  const unitRows: (typeof units.$inferInsert)[] = [
    {
      id: rootId,
      instansiId,
      path: `/${rootId}/`,
      code: 'PEMKOT',
      name: 'Pemerintah Kota',
      kind: 'instansi',
    },
  ]
  for (let d = 1; d <= 5; d += 1) {
    const dinasId = randomUUID()
    const dinasPath = `/${rootId}/${dinasId}/`
    unitRows.push({
      id: dinasId,
      instansiId,
      parentId: rootId,
      path: dinasPath,
      code: `DINAS-${d}`,
      name: `Dinas ${d}`,
      kind: 'dinas',
    })
    for (let b = 1; b <= 4; b += 1) {
      const bidangId = randomUUID()
      unitRows.push({
        id: bidangId,
        instansiId,
        parentId: dinasId,
        path: `${dinasPath}${bidangId}/`,
        code: `D${d}-B${b}`,
        name: `Bidang ${d}.${b}`,
      })
    }
  }
  await db.insert(units).values(unitRows)
  const unitIds = unitRows.map((unit) => unit.id!)

  const passwordHash = await hash('kata-sandi-bench-yang-panjang')
  // Admins must have two-factor login enabled before the API serves them; the bench authenticates with an API
  // token, so the enrolment only needs to be marked (the secret is never used).
  const userRows = Array.from({ length: userCount }, (_, index) => ({
    id: randomUUID(),
    instansiId,
    email: `pengguna${index + 1}@bench.go.id`,
    name: `Pengguna Bench ${index + 1}`,
    passwordHash,
    totpSecret: index === 0 ? 'bench-unused' : null,
    totpEnabledAt: index === 0 ? new Date() : null,
  }))
  await db.insert(users).values(userRows)
  const grantRows = userRows.map((user, index) => ({
    instansiId,
    userId: user.id,
    unitId: index === 0 ? rootId : unitIds[1 + (index % (unitIds.length - 1))]!,
    role: index === 0 ? 'admin' : ROLES[index % ROLES.length]!,
  }))
  await db.insert(roleGrants).values(grantRows)

  const accountRows = Array.from({ length: accountCount }, (_, index) => {
    const platform = PLATFORMS[index % PLATFORMS.length]!
    const handle = `humas_bench_${index + 1}`
    return {
      instansiId,
      unitId: unitIds[index % unitIds.length]!,
      platform,
      handle,
      displayName: `Humas Bench ${index + 1}`,
      url: defaultAccountUrl(platform, handle),
      penanggungJawabUserId: userRows[index % userRows.length]!.id,
      verificationStatus: index % 3 === 0 ? 'verified' : 'unverified',
      platformTwoFactor: index % 2 === 0,
    }
  })
  for (let start = 0; start < accountRows.length; start += 500) {
    await db.insert(accounts).values(accountRows.slice(start, start + 500))
  }

  const token = generateApiToken()
  await db.insert(apiTokens).values({
    instansiId,
    userId: userRows[0]!.id,
    name: 'bench',
    tokenHash: sha256Hex(token),
    tokenHint: tokenHint(token),
    grants: [{ unitId: rootId, role: 'admin' }],
  })
  // A production database has planner statistics (autovacuum analyses new tables); this machine's PostgreSQL runs
  // with autovacuum off, and without statistics the planner sorts and counts every row on each request.
  await db.execute(sql`analyze`)
  return { instansiId, token, accounts: accountCount, users: userCount }
}
