import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { eq } from 'drizzle-orm'
import { accounts, hoaxClaims } from '../../../db/schema/index.ts'
import type { Db } from '../../../db/client.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'

const NIK = '3171011708450001'

async function createAccount(db: Db, instansiId: string, unitId: string, pjId: string, platform: string) {
  const id = randomUUID()
  const handle = `humas${uniqueSuffix()}`
  await db.insert(accounts).values({
    id,
    instansiId,
    unitId,
    platform,
    handle,
    url: `https://example.org/${handle}`,
    penanggungJawabUserId: pjId,
  })
  return id
}

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DINKES${uniqueSuffix()}`)
  const other = await createTestUnit(ctx.db, owner, owner.rootUnit, `DISDIK${uniqueSuffix()}`)
  const pjSecret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }], {
      totpSecret: pjSecret,
    })),
    totpSecret: pjSecret,
  }
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const otherSecret = generateTotpSecret()
  const otherPj = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: other.id, role: 'penanggung_jawab' }], {
      totpSecret: otherSecret,
    })),
    totpSecret: otherSecret,
  }
  const x = await createAccount(ctx.db, owner.id, dinkes.id, pj.id, 'x')
  const bluesky = await createAccount(ctx.db, owner.id, dinkes.id, pj.id, 'bluesky')
  const foreign = await createAccount(ctx.db, owner.id, other.id, otherPj.id, 'x')
  const whatsapp = await createAccount(ctx.db, owner.id, dinkes.id, pj.id, 'whatsapp')
  const pengelolaSession = await loginAs(app, pengelola)
  return {
    ctx,
    app,
    owner,
    dinkes,
    other,
    pj,
    pengelola,
    otherPj,
    x,
    bluesky,
    foreign,
    whatsapp,
    headers: pengelolaSession.headers,
  }
}
type Setup = Awaited<ReturnType<typeof setup>>

type PostAnswer = {
  id: string
  version: number
  status: string
  variants: Array<{
    id: string
    accountId: string
    text: string
    validation: { length: number; problems: unknown[] }
  }>
  submittedFindings: Array<{ code: string; severity: string }> | null
  override: { reason: string } | null
}

async function createDraft(s: Setup, overrides: Record<string, unknown> = {}) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/posts',
    headers: s.headers,
    payload: {
      title: 'Vaksinasi gratis',
      kind: 'informasi',
      baseText: 'Vaksinasi gratis di Puskesmas Kecamatan pada Sabtu pukul 08.00 WIB. #SehatBersama',
      targets: [s.x, s.bluesky],
      ...overrides,
    },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<PostAnswer>()
}

describe('posts routes', () => {
  it('offers as targets only the posting accounts of the units the author may post for', async () => {
    const s = await setup()
    const response = await s.app.inject({ method: 'GET', url: '/api/posts/targets', headers: s.headers })
    expect(response.statusCode).toBe(200)
    const ids = response.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)
    expect(ids.sort()).toEqual([s.x, s.bluesky].sort())
  })

  it('creates a draft with one variant per target, prefilled from the base text, and audits it', async () => {
    const s = await setup()
    const post = await createDraft(s)
    expect(post.status).toBe('draft')
    expect(post.variants).toHaveLength(2)
    expect(post.variants.every((variant) => variant.text.startsWith('Vaksinasi gratis'))).toBe(true)
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'post' })
    expect(audit.filter((entry) => entry.objectId === post.id).map((entry) => entry.action)).toContain(
      'post.create',
    )
  })

  it('refuses a target account outside the author’s units and a contact-only platform', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: s.headers,
      payload: { title: 'Uji', baseText: 'Teks', targets: [s.foreign, s.whatsapp] },
    })
    expect(response.statusCode).toBe(400)
    const details = response.json<{ error: { details: Record<string, { key: string }> } }>().error.details
    expect(details['targets.0']?.key).toBe('posts.target_not_allowed')
    expect(details['targets.1']?.key).toBe('posts.target_not_allowed')
  })

  it('keeps each variant’s id (the idempotency key) when the draft is saved again, and refuses a stale version', async () => {
    const s = await setup()
    const post = await createDraft(s)
    const xVariant = post.variants.find((variant) => variant.accountId === s.x)!
    const update = await s.app.inject({
      method: 'PUT',
      url: `/api/posts/${post.id}`,
      headers: s.headers,
      payload: {
        version: post.version,
        title: 'Vaksinasi gratis',
        baseText: 'Teks dasar baru',
        targets: [s.x],
        variants: [{ accountId: s.x, text: 'Teks khusus X' }],
      },
    })
    expect(update.statusCode, update.body).toBe(200)
    const updated = update.json<PostAnswer>()
    expect(updated.variants).toHaveLength(1)
    expect(updated.variants[0]).toMatchObject({ id: xVariant.id, text: 'Teks khusus X' })
    const stale = await s.app.inject({
      method: 'PUT',
      url: `/api/posts/${post.id}`,
      headers: s.headers,
      payload: { version: post.version, title: 'Lama', targets: [s.x] },
    })
    expect(stale.statusCode).toBe(409)
  })

  it('checks a text being written: a NIK is a blocking finding with its offsets, and X counts as X does', async () => {
    const s = await setup()
    const text = `Warga dengan NIK ${NIK} diminta datang.`
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/posts/check',
      headers: s.headers,
      payload: {
        baseText: text,
        variants: [{ key: 'a', platform: 'x', text: `${text} https://example.go.id/very/long/path/indeed` }],
      },
    })
    expect(response.statusCode, response.body).toBe(200)
    const check = response.json<{
      base: Array<{ code: string; severity: string; start: number; end: number }>
      variants: Array<{ validation: { length: number } }>
      blocking: number
    }>()
    const nik = check.base.find((finding) => finding.code === 'pii_nik')!
    expect(nik.severity).toBe('block')
    expect(text.slice(nik.start, nik.end)).toContain(NIK)
    expect(check.blocking).toBeGreaterThanOrEqual(2)
    expect(check.variants[0]!.validation.length).toBe(text.length + 1 + 23)
  })

  it('checks against the instansi’s hoax knowledge base, and stops once the claim is archived', async () => {
    const s = await setup()
    const claimId = randomUUID()
    await s.ctx.db.insert(hoaxClaims).values({
      id: claimId,
      instansiId: s.owner.id,
      label: 'hoaks',
      claim: 'Pendaftaran vaksin di puskesmas dipungut biaya Rp 75.000 per orang',
      facts: 'Vaksinasi di puskesmas gratis, tanpa biaya pendaftaran.',
    })
    const check = async () => {
      const response = await s.app.inject({
        method: 'POST',
        url: '/api/posts/check',
        headers: s.headers,
        payload: {
          baseText: 'Info: pendaftaran vaksin di puskesmas dipungut biaya Rp 75.000 per orang.',
          variants: [],
        },
      })
      expect(response.statusCode, response.body).toBe(200)
      return response.json<{ base: Array<{ code: string }> }>().base.map((finding) => finding.code)
    }
    expect(await check()).toContain('hoax_claim')
    await s.ctx.db
      .update(hoaxClaims)
      .set({ status: 'archived', updatedAt: new Date() })
      .where(eq(hoaxClaims.id, claimId))
    expect(await check()).not.toContain('hoax_claim')
  })

  it('requires the 5W+1H answers of a berita at submission', async () => {
    const s = await setup()
    const post = await createDraft(s, { kind: 'berita', fiveWOneH: { apa: 'Vaksinasi', siapa: 'Dinkes' } })
    const response = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: s.headers,
      payload: { version: post.version },
    })
    expect(response.statusCode).toBe(400)
    const details = response.json<{ error: { details: Record<string, { key: string }> } }>().error.details
    expect(Object.keys(details).sort()).toEqual(
      ['fiveWOneH.bagaimana', 'fiveWOneH.dimana', 'fiveWOneH.kapan', 'fiveWOneH.mengapa'].sort(),
    )
  })

  it('refuses submission while a blocking finding stands, and submits once it is fixed, storing the warnings', async () => {
    const s = await setup()
    const post = await createDraft(s, { baseText: `Bantuan untuk NIK ${NIK} sudah cair.` })
    const refused = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: s.headers,
      payload: { version: post.version },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json<{ error: { key: string } }>().error.key).toBe('posts.blocked_by_findings')

    const fixed = await s.app.inject({
      method: 'PUT',
      url: `/api/posts/${post.id}`,
      headers: s.headers,
      payload: {
        version: post.version,
        title: 'Bantuan',
        baseText: 'Bantuan sosial tahap dua sudah cair. Mantul banget!',
        targets: [s.x],
      },
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    const submitted = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: s.headers,
      payload: { version: fixed.json<PostAnswer>().version },
    })
    expect(submitted.statusCode, submitted.body).toBe(200)
    const answer = submitted.json<PostAnswer>()
    expect(answer.status).toBe('in_review')
    expect(answer.submittedFindings?.every((finding) => finding.severity === 'warn')).toBe(true)
    expect(answer.submittedFindings?.length).toBeGreaterThan(0)
    const again = await s.app.inject({
      method: 'PUT',
      url: `/api/posts/${post.id}`,
      headers: s.headers,
      payload: { version: answer.version, title: 'Ubah', targets: [s.x] },
    })
    expect(again.statusCode).toBe(409)
  })

  it('lets the penanggung jawab over the unit override a blocking finding with a written reason, audited', async () => {
    const s = await setup()
    const post = await createDraft(s, { baseText: `Pemenang undian: NIK ${NIK}.` })
    const pjSession = await loginAs(s.app, s.pj)
    const tooShort = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/override`,
      headers: pjSession.headers,
      payload: { version: post.version, reason: 'ok' },
    })
    expect(tooShort.statusCode, tooShort.body).toBe(400)
    const override = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/override`,
      headers: pjSession.headers,
      payload: {
        version: post.version,
        reason: 'NIK ini fiktif, contoh format dari materi sosialisasi Dukcapil.',
      },
    })
    expect(override.statusCode, override.body).toBe(200)
    const overridden = override.json<PostAnswer>()
    expect(overridden.override?.reason).toContain('fiktif')
    const submitted = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: s.headers,
      payload: { version: overridden.version },
    })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json<PostAnswer>().submittedFindings?.some((f) => f.code === 'pii_nik')).toBe(true)
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'post.compliance_override' })
    const entry = audit.find((item) => item.objectId === post.id)
    expect(entry?.actorUserId).toBe(s.pj.id)
  })

  it('refuses an override by a pengelola and by a penanggung jawab of another unit', async () => {
    const s = await setup()
    const post = await createDraft(s, { baseText: `Data NIK ${NIK}.` })
    const reason = 'Saya yakin ini boleh dipublikasikan.'
    const byPengelola = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/submit`,
      headers: s.headers,
      payload: { version: post.version, overrideReason: reason },
    })
    expect(byPengelola.statusCode).toBe(403)
    expect(byPengelola.json<{ error: { key: string } }>().error.key).toBe('posts.override_not_allowed')
    const otherSession = await loginAs(s.app, s.otherPj)
    const byOther = await s.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/override`,
      headers: otherSession.headers,
      payload: { version: post.version, reason },
    })
    expect([403, 404]).toContain(byOther.statusCode)
  })

  it('lists my drafts and deletes one', async () => {
    const s = await setup()
    const post = await createDraft(s)
    const list = await s.app.inject({ method: 'GET', url: '/api/posts?mine=true', headers: s.headers })
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toContain(post.id)
    const removed = await s.app.inject({ method: 'DELETE', url: `/api/posts/${post.id}`, headers: s.headers })
    expect(removed.statusCode).toBe(200)
    const gone = await s.app.inject({ method: 'GET', url: `/api/posts/${post.id}`, headers: s.headers })
    expect(gone.statusCode).toBe(404)
  })
})
