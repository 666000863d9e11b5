import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { createInboxAccount, createInboxItem } from '../../../../tests/support/replies-fixtures.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { inboxItems, units } from '../../../db/schema/index.ts'
import { countText } from '../../../shared/count-text.ts'
import { ticketNumber } from '../../../shared/ticket-number.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const puskesmas = await createTestUnit(ctx.db, owner, dinkes)
  const dishub = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const totpSecret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
      totpSecret,
    })),
    totpSecret,
  }
  const pjDinkes = {
    ...(await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }], {
      totpSecret,
    })),
    totpSecret,
  }
  const pengelolaDinkes = await createTestUser(ctx.db, owner, [{ unitId: puskesmas.id, role: 'pengelola' }])
  const pengelolaDishub = await createTestUser(ctx.db, owner, [{ unitId: dishub.id, role: 'pengelola' }])
  const login = async (user: Parameters<typeof loginAs>[1]) => (await loginAs(app, user)).headers
  return {
    ctx,
    app,
    owner,
    dinkes,
    puskesmas,
    dishub,
    pj,
    headers: await login(pj),
    pjDinkesHeaders: await login(pjDinkes),
    pengelolaDinkesHeaders: await login(pengelolaDinkes),
    pengelolaDishubHeaders: await login(pengelolaDishub),
  }
}
type Setup = Awaited<ReturnType<typeof setup>>

async function create(s: Setup, payload: Record<string, unknown>, headers = s.headers) {
  return s.app.inject({ method: 'POST', url: '/api/saved-replies', headers, payload })
}

const titles = (body: { items: Array<{ title: string }> }) => body.items.map((item) => item.title).sort()

describe('saved replies routes', () => {
  it('add, list by unit, change and delete, refusing an unknown variable at save time, audited', async () => {
    const s = await setup()
    const wide = await create(s, { title: 'Salam umum', body: 'Terima kasih {nama}. Salam, {akun}' })
    expect(wide.statusCode, wide.body).toBe(200)
    expect(wide.json()).toMatchObject({ unit: null, variables: ['nama', 'akun'], canManage: true })

    const unknown = await create(s, { title: 'Salah', body: 'Halo {nama}, alamat Anda {alamat}?' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.body).toMatchObject({
      key: 'saved_replies.unknown_variable',
      params: { names: ['{alamat}'] },
    })
    expect(unknown.json().error.details.body.message).toContain('{nomor_tiket}')

    // A penanggung jawab of Dinkes adds Dinkes's own, not an instansi-wide one nor Dishub's.
    const dinkes = await create(
      s,
      {
        unitId: s.dinkes.id,
        title: 'Jadwal vaksin',
        body: 'Tiket {nomor_tiket}: hubungi {kontak_unit}.',
        intents: ['Pertanyaan'],
        tags: ['Vaksin', 'vaksin'],
      },
      s.pjDinkesHeaders,
    )
    expect(dinkes.statusCode, dinkes.body).toBe(200)
    expect(dinkes.json()).toMatchObject({ intents: ['pertanyaan'], tags: ['vaksin'] })
    expect((await create(s, { title: 'Umum', body: 'Halo' }, s.pjDinkesHeaders)).statusCode).toBe(403)
    expect(
      (await create(s, { unitId: s.dishub.id, title: 'Dishub', body: 'Halo' }, s.pjDinkesHeaders)).statusCode,
    ).toBe(403)
    // A pengelola reads but does not change.
    expect((await create(s, { title: 'P', body: 'Halo' }, s.pengelolaDinkesHeaders)).statusCode).toBe(403)

    const list = async (headers: typeof s.headers, query = '') =>
      (await s.app.inject({ method: 'GET', url: `/api/saved-replies${query}`, headers })).json<{
        items: Array<{ title: string }>
      }>()
    expect(titles(await list(s.pengelolaDinkesHeaders))).toEqual(['Jadwal vaksin', 'Salam umum'])
    expect(titles(await list(s.pengelolaDishubHeaders))).toEqual(['Salam umum'])
    expect(titles(await list(s.headers, '?q=vaksin'))).toEqual(['Jadwal vaksin'])
    const forDishub = await s.app.inject({
      method: 'GET',
      url: `/api/saved-replies/${dinkes.json().id}`,
      headers: s.pengelolaDishubHeaders,
    })
    expect(forDishub.statusCode).toBe(404)

    const id = dinkes.json().id as string
    const changed = await s.app.inject({
      method: 'PATCH',
      url: `/api/saved-replies/${id}`,
      headers: s.pjDinkesHeaders,
      payload: { body: 'Tiket {nomor_tiket}. Hubungi {kontak_unit} ya.' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const moved = await s.app.inject({
      method: 'PATCH',
      url: `/api/saved-replies/${id}`,
      headers: s.pjDinkesHeaders,
      payload: { unitId: s.dishub.id },
    })
    expect(moved.statusCode).toBe(403)
    const removed = await s.app.inject({
      method: 'DELETE',
      url: `/api/saved-replies/${id}`,
      headers: s.headers,
    })
    expect(removed.statusCode, removed.body).toBe(200)

    const audit = (await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'saved_reply' })).filter(
      (entry) => entry.objectId === id,
    )
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'saved_reply.create',
      'saved_reply.delete',
      'saved_reply.update',
    ])
    const update = audit.find((entry) => entry.action === 'saved_reply.update')!
    expect(update.after).toEqual({
      title: 'Jadwal vaksin',
      body: 'Tiket {nomor_tiket}. Hubungi {kontak_unit} ya.',
    })
  })

  it('renders a reply for an item: values from the item, a placeholder for what is missing', async () => {
    const s = await setup()
    const account = await createInboxAccount(s.ctx.db, s.owner, s.puskesmas, s.pj)
    const item = await createInboxItem(s.ctx.db, account, { authorName: 'Siti' })
    const reply = await create(s, {
      unitId: s.dinkes.id,
      title: 'Tiket',
      body: 'Halo {nama}, tiket {nomor_tiket} di {unit}. Hubungi {kontak_unit}. Salam, {akun}',
      intents: ['keluhan'],
    })
    const render = (headers = s.pengelolaDinkesHeaders, id = reply.json().id as string, itemId = item.id) =>
      s.app.inject({ method: 'POST', url: `/api/saved-replies/${id}/render`, headers, payload: { itemId } })

    const missing = await render()
    expect(missing.statusCode, missing.body).toBe(200)
    expect(missing.json()).toMatchObject({
      unresolved: ['kontak_unit'],
      ticketNumber: ticketNumber(item.id),
    })
    expect(missing.json().text).toBe(
      `Halo Siti, tiket ${ticketNumber(item.id)} di Unit ${s.puskesmas.code}. Hubungi [[kontak_unit]]. Salam, @${account.handle}`,
    )

    // The contact of the nearest unit above that has one.
    await s.ctx.db.update(units).set({ contact: 'WA 0811-2222-333' }).where(eq(units.id, s.dinkes.id))
    expect((await render()).json()).toMatchObject({ unresolved: [] })
    expect((await render()).json().text).toContain('Hubungi WA 0811-2222-333.')

    // Someone without the item's unit may not render for it; a reply of another unit does not apply to it.
    expect((await render(s.pengelolaDishubHeaders)).statusCode).toBe(403)
    const dishub = await create(s, { unitId: s.dishub.id, title: 'Dishub', body: 'Halo' })
    const notFor = await render(s.headers, dishub.json().id)
    expect(notFor.statusCode).toBe(412)
    expect(notFor.json().error.key).toBe('saved_replies.not_for_item')

    // The reply box's list: the item's replies only, those fitting its intent first.
    await create(s, { title: 'Aaa umum', body: 'Halo {nama}' })
    const forItem = await s.app.inject({
      method: 'GET',
      url: `/api/saved-replies?itemId=${item.id}`,
      headers: s.pengelolaDinkesHeaders,
    })
    expect(forItem.json().items.map((r: { title: string }) => r.title)).toEqual(['Aaa umum', 'Tiket'])
    await s.ctx.db.update(inboxItems).set({ intent: 'keluhan' }).where(eq(inboxItems.id, item.id))
    const byIntent = await s.app.inject({
      method: 'GET',
      url: `/api/saved-replies?itemId=${item.id}`,
      headers: s.pengelolaDinkesHeaders,
    })
    expect(byIntent.json().items.map((r: { title: string }) => r.title)).toEqual(['Tiket', 'Aaa umum'])
  })

  it("builds the hoax clarification from the matched claim's facts and first source, within the platform's limit", async () => {
    const s = await setup()
    const claim = await s.app.inject({
      method: 'POST',
      url: '/api/hoax-claims',
      headers: s.headers,
      payload: {
        label: 'hoaks',
        claim: 'Pendaftaran bansos dipungut biaya Rp50.000',
        facts:
          'Pendaftaran bantuan sosial tidak dipungut biaya apa pun. Warga cukup membawa KTP dan KK ke kantor kelurahan, dan petugas yang meminta uang dapat dilaporkan melalui kanal pengaduan resmi pemerintah kota setiap hari kerja. '.repeat(
            2,
          ),
        sources: [{ url: 'https://dinsos.example.go.id/klarifikasi/bansos-gratis', title: 'Dinsos' }],
      },
    })
    expect(claim.statusCode, claim.body).toBe(200)
    const bluesky = await createInboxAccount(s.ctx.db, s.owner, s.puskesmas, s.pj, 'bluesky')
    const item = await createInboxItem(s.ctx.db, bluesky, {
      body: 'Katanya daftar bansos bayar 50rb ya?',
      classification: { hoaxClaimId: claim.json().id, hoaxScore: 0.9 },
    })
    const answer = await s.app.inject({
      method: 'POST',
      url: `/api/inbox/items/${item.id}/clarification`,
      headers: s.pengelolaDinkesHeaders,
    })
    expect(answer.statusCode, answer.body).toBe(200)
    const body = answer.json()
    expect(body).toMatchObject({
      platform: 'bluesky',
      maxLength: 300,
      shortened: true,
      claim: { label: 'hoaks' },
    })
    expect(countText(body.text, 'graphemes')).toBeLessThanOrEqual(300)
    expect(body.text).toContain('Halo Warga Satu')
    expect(body.text.endsWith('Selengkapnya: https://dinsos.example.go.id/klarifikasi/bansos-gratis')).toBe(
      true,
    )

    const plain = await createInboxItem(s.ctx.db, bluesky)
    const none = await s.app.inject({
      method: 'POST',
      url: `/api/inbox/items/${plain.id}/clarification`,
      headers: s.pengelolaDinkesHeaders,
    })
    expect(none.statusCode).toBe(412)
    expect(none.json().error.key).toBe('clarification.no_hoax_match')
    const outside = await s.app.inject({
      method: 'POST',
      url: `/api/inbox/items/${item.id}/clarification`,
      headers: s.pengelolaDishubHeaders,
    })
    expect(outside.statusCode).toBe(403)
  })
})
