import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs, type LoginHeaders } from '../../../../tests/support/auth.ts'
import { createInboxAccount, seedInboxItems } from '../../../../tests/support/inbox-fixtures.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { updateHoaxClaim } from '../../../db/hoax-claims-repository.ts'
import { hoaxClaims, hoaxMatchFeedback, inboxItems } from '../../../db/schema/index.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { classifyItems } from '../../../features/inbox/classify-items.ts'
import { exportHoaxFeedback } from '../../../features/inbox/hoax-feedback.ts'
import { createHoaxMatcherProvider } from '../../../features/hoax/hoax-matcher-provider.ts'

const VACCINE = 'Vaksin campak di puskesmas mengandung chip pelacak 5G untuk memata-matai warga'
const BANSOS = 'Bansos sembako bulan depan dihentikan untuk semua keluarga penerima'
const ROAD = 'Jalan di depan pasar berlubang besar, mohon segera diperbaiki'

interface Feedback {
  itemId: string
  hoaxClaimId: string | null
  priority: number
  feedback: {
    verdict: string
    claimId: string
    claim: string
    matchedClaimId: string | null
    matchedScore: number | null
    judgedBy: { id: string | null; name: string | null }
  } | null
  canJudge: boolean
  canAddVariant: boolean
}

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const unitA = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const unitB = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const pjSecret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
    totpSecret: pjSecret,
  })
  const pengelolaA = await createTestUser(ctx.db, owner, [{ unitId: unitA.id, role: 'pengelola' }])
  const pengelolaB = await createTestUser(ctx.db, owner, [{ unitId: unitB.id, role: 'pengelola' }])
  const ppidA = await createTestUser(ctx.db, owner, [{ unitId: unitA.id, role: 'ppid' }])
  const keyring = { secret: ctx.secret, previousSecrets: ctx.previousSecrets }
  const account = await createInboxAccount(ctx.db, owner, unitA, pj.id, keyring)
  const login = {
    pj: await loginAs(app, { ...pj, totpSecret: pjSecret }),
    a: await loginAs(app, pengelolaA),
    b: await loginAs(app, pengelolaB),
    ppid: await loginAs(app, ppidA),
  }
  const claim = async (text: string, facts: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/hoax-claims',
      headers: login.pj.headers,
      payload: { label: '[HOAKS]', claim: text, facts, sources: [], unitIds: [], variants: [], keywords: [] },
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{ id: string; variants: string[]; keywords: string[] }>()
  }
  const vaccine = await claim(VACCINE, 'Vaksin campak tidak mengandung chip apa pun.')
  const bansos = await claim(BANSOS, 'Bansos sembako tetap disalurkan setiap bulan.')
  const items = await seedInboxItems(ctx.db, owner, account, [
    { text: VACCINE, author: 'budi' },
    { text: ROAD, author: 'sari' },
    { text: `${VACCINE}, hubungi 0812 3456 7890`, author: 'tono' },
  ])
  await classifyItems(ctx, owner.id, { ids: items.map((item) => item.id) })
  const itemOf = async (id: string) => {
    const [row] = await ctx.db.select().from(inboxItems).where(eq(inboxItems.id, id))
    return row!
  }
  const judge = (id: string, payload: Record<string, unknown>, as: LoginHeaders = login.a) =>
    app.inject({ method: 'PUT', url: `/api/inbox/items/${id}/hoax-feedback`, headers: as.headers, payload })
  return { ctx, app, owner, login, vaccine, bansos, items, itemOf, judge }
}

describe('hoax match feedback routes', () => {
  it('clear the match and its priority weight on a rejection, and restore both when the claim is chosen again', async () => {
    const s = await setup()
    const [matched] = s.items
    const before = await s.itemOf(matched!.id)
    expect(before.hoaxClaimId).toBe(s.vaccine.id)

    const rejected = await s.judge(matched!.id, { verdict: 'rejected' })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(rejected.json<Feedback>()).toMatchObject({
      hoaxClaimId: null,
      priority: before.priority - 25,
      feedback: { verdict: 'rejected', claimId: s.vaccine.id, matchedClaimId: s.vaccine.id },
      canJudge: true,
    })
    const after = await s.itemOf(matched!.id)
    expect([after.hoaxClaimId, after.priority]).toEqual([null, before.priority - 25])
    const hoaxOnly = await s.app.inject({
      method: 'GET',
      url: '/api/inbox/items?hoax=true',
      headers: s.login.a.headers,
    })
    expect(hoaxOnly.json<{ items: { id: string }[] }>().items.map((item) => item.id)).not.toContain(
      matched!.id,
    )

    // Nothing is matched now, so only choosing a claim is left; choosing the matcher's own claim confirms it.
    expect((await s.judge(matched!.id, { verdict: 'confirmed' })).statusCode).toBe(409)
    const chosen = await s.judge(matched!.id, { verdict: 'other_claim', claimId: s.vaccine.id })
    expect(chosen.json<Feedback>()).toMatchObject({
      hoaxClaimId: s.vaccine.id,
      priority: before.priority,
      feedback: { verdict: 'confirmed', claimId: s.vaccine.id, matchedScore: before.hoaxScore },
    })
    const rows = await s.ctx.db
      .select()
      .from(hoaxMatchFeedback)
      .where(eq(hoaxMatchFeedback.itemId, matched!.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ verdict: 'confirmed', text: VACCINE, instansiId: s.owner.id })

    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'inbox_item' })
    const judged = audit.filter((entry) => entry.action === 'inbox.hoax_feedback')
    expect(judged.map((entry) => entry.after)).toEqual(
      expect.arrayContaining([
        { verdict: 'rejected', claimId: s.vaccine.id, hoaxClaimId: null },
        { verdict: 'confirmed', claimId: s.vaccine.id, hoaxClaimId: s.vaccine.id },
      ]),
    )
  })

  it('mark a missed hoax with the chosen claim and replace a wrong match, each exported as training pairs', async () => {
    const s = await setup()
    const [matched, road] = s.items
    expect((await s.itemOf(road!.id)).hoaxClaimId).toBeNull()
    const roadBefore = await s.itemOf(road!.id)

    const missed = await s.judge(road!.id, { verdict: 'other_claim', claimId: s.bansos.id })
    expect(missed.json<Feedback>()).toMatchObject({
      hoaxClaimId: s.bansos.id,
      priority: roadBefore.priority + 25,
      feedback: { verdict: 'other_claim', claimId: s.bansos.id, matchedClaimId: null },
    })
    const replaced = await s.judge(matched!.id, { verdict: 'other_claim', claimId: s.bansos.id })
    expect(replaced.json<Feedback>()).toMatchObject({
      hoaxClaimId: s.bansos.id,
      feedback: { verdict: 'other_claim', claimId: s.bansos.id, matchedClaimId: s.vaccine.id },
    })

    const pairs = await exportHoaxFeedback(s.ctx.db, { instansiSlug: s.owner.slug })
    expect(pairs?.map((pair) => [pair.text, pair.claim, pair.match, pair.source])).toEqual([
      [ROAD, BANSOS, true, 'inbox-feedback'],
      [VACCINE, BANSOS, true, 'inbox-feedback'],
      [VACCINE, VACCINE, false, 'inbox-feedback'],
    ])
    expect(await exportHoaxFeedback(s.ctx.db, { instansiSlug: 'tidak-ada' })).toBeUndefined()
  })

  it('let only those who work the item judge it, and refuse a claim that is archived or not the instansi’s', async () => {
    const s = await setup()
    const [matched] = s.items
    expect((await s.judge(matched!.id, { verdict: 'confirmed' }, s.login.b)).statusCode).toBe(404)
    expect((await s.judge(matched!.id, { verdict: 'confirmed' }, s.login.ppid)).statusCode).toBe(403)
    const seen = await s.app.inject({
      method: 'GET',
      url: `/api/inbox/items/${matched!.id}/hoax-feedback`,
      headers: s.login.ppid.headers,
    })
    expect(seen.json<Feedback>()).toMatchObject({ feedback: null, canJudge: false, canAddVariant: false })

    await s.app.inject({
      method: 'POST',
      url: `/api/hoax-claims/${s.bansos.id}/archive`,
      headers: s.login.pj.headers,
    })
    expect((await s.judge(matched!.id, { verdict: 'other_claim', claimId: s.bansos.id })).statusCode).toBe(
      404,
    )
    const other = await setup()
    expect(
      (await s.judge(matched!.id, { verdict: 'other_claim', claimId: other.vaccine.id })).statusCode,
    ).toBe(404)
    expect(
      await s.ctx.db.select().from(hoaxMatchFeedback).where(eq(hoaxMatchFeedback.itemId, matched!.id)),
    ).toEqual([])
  })

  it('keep a confirmed wording as a variant once its personal data is gone, and the matcher sees it next time', async () => {
    const s = await setup()
    const withPhone = s.items[2]!
    const matchers = createHoaxMatcherProvider(s.ctx.db)
    const firstMatcher = await matchers(s.owner.id)
    expect(await matchers(s.owner.id)).toBe(firstMatcher)
    expect(firstMatcher?.candidates('grup WA bilang ada chip').length ?? 0).toBe(0)

    const variant = (as: LoginHeaders, payload: Record<string, unknown> = {}) =>
      s.app.inject({
        method: 'POST',
        url: `/api/inbox/items/${withPhone.id}/hoax-feedback/variant`,
        headers: as.headers,
        payload,
      })
    expect((await variant(s.login.pj)).statusCode).toBe(409)
    expect((await s.judge(withPhone.id, { verdict: 'other_claim', claimId: s.vaccine.id })).statusCode).toBe(
      200,
    )
    const view = await s.app.inject({
      method: 'GET',
      url: `/api/inbox/items/${withPhone.id}/hoax-feedback`,
      headers: s.login.pj.headers,
    })
    expect(view.json<Feedback>()).toMatchObject({ canJudge: true, canAddVariant: true })

    const refused = await variant(s.login.pj)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { key: 'inbox.hoax_variant_personal_data' } })
    expect((await variant(s.login.a, { text: 'vaksin campak ada chip 5G nya' })).statusCode).toBe(403)

    const added = await variant(s.login.pj, { text: 'kata grup WA vaksin campak ada chip 5G nya' })
    expect(added.statusCode, added.body).toBe(200)
    expect(added.json<{ variants: string[] }>().variants).toEqual([
      'kata grup WA vaksin campak ada chip 5G nya',
    ])
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'hoax_claim' })
    expect(audit.some((entry) => entry.action === 'hoax_claim.update')).toBe(true)

    const rebuilt = await matchers(s.owner.id)
    expect(rebuilt).not.toBe(firstMatcher)
    expect(rebuilt?.candidates('grup WA bilang ada chip').length ?? 0).toBeGreaterThan(0)
  })

  it('keep both variants when two wordings of one claim are added at the same moment', async () => {
    const s = await setup()
    const [first, second] = [s.items[0]!, s.items[1]!]
    for (const item of [first, second])
      expect((await s.judge(item.id, { verdict: 'other_claim', claimId: s.bansos.id })).statusCode).toBe(200)
    const texts = [
      'katanya sembako dari dinsos distop bulan depan',
      'bansos sembako gak ada lagi mulai besok',
    ]
    const added = await Promise.all(
      [first, second].map((item, index) =>
        s.app.inject({
          method: 'POST',
          url: `/api/inbox/items/${item.id}/hoax-feedback/variant`,
          headers: s.login.pj.headers,
          payload: { text: texts[index] },
        }),
      ),
    )
    expect(added.map((response) => response.statusCode)).toEqual([200, 200])
    const [row] = await s.ctx.db.select().from(hoaxClaims).where(eq(hoaxClaims.id, s.bansos.id))
    expect([...(row?.variants ?? [])].sort()).toEqual([...texts].sort())
  })

  it('rebuild the cached matcher when keywords change even though the update time stands still', async () => {
    const s = await setup()
    const matchers = createHoaxMatcherProvider(s.ctx.db)
    const still = new Date('2026-12-01T00:00:00Z')
    await updateHoaxClaim(s.ctx.db, s.owner.id, s.bansos.id, { keywords: [], userId: null, now: still })
    const before = await matchers(s.owner.id)
    expect(before?.candidates('BLT Cibeunying').length ?? 0).toBe(0)
    await updateHoaxClaim(s.ctx.db, s.owner.id, s.bansos.id, {
      keywords: ['BLT', 'Cibeunying'],
      userId: null,
      now: still,
    })
    const after = await matchers(s.owner.id)
    expect(after).not.toBe(before)
    expect(after?.candidates('BLT Cibeunying').length ?? 0).toBeGreaterThan(0)
  })
})
