import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { claimsForMatching } from '../../../features/hoax/manage-hoax-claims.ts'
import { checkDraft, createHoaxMatcher } from '../../../nlp/index.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DINKES-${owner.slug.slice(-4)}`)
  const secret = generateTotpSecret()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
    totpSecret: secret,
  })
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const headers = (await loginAs(app, { ...pj, totpSecret: secret })).headers
  const pengelolaHeaders = (await loginAs(app, pengelola)).headers
  return { ctx, app, owner, dinkes, pj, pengelola, headers, pengelolaHeaders }
}

type Setup = Awaited<ReturnType<typeof setup>>

const VACCINE = {
  label: '[HOAKS]',
  claim: 'Vaksin campak di puskesmas mengandung chip pelacak 5G',
  facts: 'Vaksin campak tidak mengandung chip; isinya hanya antigen dan bahan penstabil.',
  sources: [{ url: 'https://dinkes.example.go.id/klarifikasi-vaksin', title: 'Klarifikasi Dinkes' }],
  firstSeenOn: '2026-11-02',
  clarifiedOn: '2026-11-03',
  variants: ['Imunisasi campak ditanami microchip 5G untuk melacak warga'],
  keywords: ['vaksin', 'chip'],
}

async function create(s: Setup, payload: Record<string, unknown> = {}) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/hoax-claims',
    headers: s.headers,
    payload: { ...VACCINE, unitIds: [s.dinkes.id], ...payload },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ id: string; label: string; status: string; units: Array<{ code: string }> }>()
}

async function importCsv(s: Setup, csv: string, dryRun: boolean, headers = s.headers) {
  return s.app.inject({ method: 'POST', url: '/api/hoax-claims/import', headers, payload: { csv, dryRun } })
}

describe('hoax claims routes', () => {
  it('add, change, find and archive a claim, each change audited with readable fields', async () => {
    const s = await setup()
    const created = await create(s)
    expect(created).toMatchObject({ label: 'hoaks', status: 'active', units: [{ code: s.dinkes.code }] })

    const changed = await s.app.inject({
      method: 'PATCH',
      url: `/api/hoax-claims/${created.id}`,
      headers: s.headers,
      payload: { label: 'disinformasi', keywords: ['vaksin', 'chip', '5G'] },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ label: 'disinformasi', keywords: ['vaksin', 'chip', '5G'] })

    const found = await s.app.inject({
      method: 'GET',
      url: '/api/hoax-claims?q=microchip',
      headers: s.headers,
    })
    expect(found.json<{ items: { id: string }[]; canManage: boolean }>()).toMatchObject({
      items: [{ id: created.id }],
      canManage: true,
    })
    const otherLabel = await s.app.inject({
      method: 'GET',
      url: '/api/hoax-claims?label=hoaks',
      headers: s.headers,
    })
    expect(otherLabel.json<{ items: unknown[] }>().items).toEqual([])

    const archived = await s.app.inject({
      method: 'POST',
      url: `/api/hoax-claims/${created.id}/archive`,
      headers: s.headers,
    })
    expect(archived.json()).toMatchObject({ status: 'archived' })
    const again = await s.app.inject({
      method: 'POST',
      url: `/api/hoax-claims/${created.id}/archive`,
      headers: s.headers,
    })
    expect(again.statusCode).toBe(409)

    const entries = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'hoax_claim' })
    expect(entries.map((entry) => entry.action).reverse()).toEqual([
      'hoax_claim.create',
      'hoax_claim.update',
      'hoax_claim.archive',
    ])
    const update = entries.find((entry) => entry.action === 'hoax_claim.update')!
    expect(update.before).toEqual({ claim: VACCINE.claim, label: 'hoaks', keywords: ['vaksin', 'chip'] })
    expect(update.after).toEqual({
      claim: VACCINE.claim,
      label: 'disinformasi',
      keywords: ['vaksin', 'chip', '5G'],
    })
    expect(update.actorUserId).toBe(s.pj.id)
  })

  it('refuse bad input with a problem per field, never a 500', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/hoax-claims',
      headers: s.headers,
      payload: {
        ...VACCINE,
        label: 'gosip',
        facts: ' ',
        sources: [{ url: 'javascript:alert(1)', title: 'x' }],
        firstSeenOn: '2026-11-05',
        clarifiedOn: '2026-11-01',
      },
    })
    expect(response.statusCode).toBe(400)
    const details = response.json<{ error: { details: Record<string, { key: string }> } }>().error.details
    expect(Object.fromEntries(Object.entries(details).map(([field, found]) => [field, found.key]))).toEqual({
      label: 'hoax.label_unknown',
      facts: 'hoax.facts_required',
      'sources.0.url': 'hoax.source_url',
      clarifiedOn: 'hoax.dates_order',
    })
  })

  it('let a pengelola read the knowledge base but not change it', async () => {
    const s = await setup()
    const created = await create(s)
    const list = await s.app.inject({ method: 'GET', url: '/api/hoax-claims', headers: s.pengelolaHeaders })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ canManage: false, items: [{ id: created.id }] })
    const refused = [
      await s.app.inject({
        method: 'POST',
        url: '/api/hoax-claims',
        headers: s.pengelolaHeaders,
        payload: VACCINE,
      }),
      await s.app.inject({
        method: 'PATCH',
        url: `/api/hoax-claims/${created.id}`,
        headers: s.pengelolaHeaders,
        payload: { facts: 'Diubah' },
      }),
      await s.app.inject({
        method: 'POST',
        url: `/api/hoax-claims/${created.id}/archive`,
        headers: s.pengelolaHeaders,
      }),
      await importCsv(s, 'label;klaim;fakta\nhoaks;Klaim;Fakta\n', true, s.pengelolaHeaders),
    ]
    expect(refused.map((response) => response.statusCode)).toEqual([403, 403, 403, 403])
  })

  it("answer 404 for another instansi's claim, read or changed", async () => {
    const s = await setup()
    const created = await create(s)
    const other = await createTestInstansi(s.ctx.db, 'Instansi Lain')
    const secret = generateTotpSecret()
    const stranger = await createTestUser(
      s.ctx.db,
      other,
      [{ unitId: other.rootUnit.id, role: 'penanggung_jawab' }],
      {
        totpSecret: secret,
      },
    )
    const headers = (await loginAs(s.app, { ...stranger, totpSecret: secret })).headers
    const answers = [
      await s.app.inject({ method: 'GET', url: `/api/hoax-claims/${created.id}`, headers }),
      await s.app.inject({
        method: 'PATCH',
        url: `/api/hoax-claims/${created.id}`,
        headers,
        payload: { facts: 'X' },
      }),
      await s.app.inject({ method: 'POST', url: `/api/hoax-claims/${created.id}/archive`, headers }),
    ]
    expect(answers.map((response) => response.statusCode)).toEqual([404, 404, 404])
    const list = await s.app.inject({ method: 'GET', url: '/api/hoax-claims', headers })
    expect(list.json<{ items: unknown[] }>().items).toEqual([])
  })

  it('preview an import saving nothing, report row errors by row and column, then save and import again unchanged', async () => {
    const s = await setup()
    const csv = [
      'label;klaim;fakta;sumber;tanggal_muncul;kode_unit;varian;kata_kunci',
      `[HOAKS];Bansos tunai dihentikan mulai Desember;Bansos tetap disalurkan sesuai jadwal.;"Siaran pers | https://example.go.id/bansos";02/11/2026;${s.dinkes.code};;bansos, tunai`,
      'Disinformasi;Air PDAM tercemar limbah pabrik;Hasil uji laboratorium menyatakan air layak.;;2026-11-04;;;',
      'gosip;Jembatan ambruk;;bukan alamat;31/02/2026;TIDAK-ADA;;',
    ].join('\n')
    const preview = await importCsv(s, csv, true)
    expect(preview.statusCode, preview.body).toBe(200)
    const body = preview.json<{
      saved: boolean
      created: number
      errors: Array<{ row: number; column: string; key: string; message: string }>
    }>()
    expect(body.saved).toBe(false)
    expect(body.created).toBe(2)
    expect(body.errors.filter((error) => error.row === 4).map((error) => [error.column, error.key])).toEqual(
      expect.arrayContaining([
        ['label', 'hoax.label_unknown'],
        ['fakta', 'hoax.facts_required'],
        ['sumber', 'hoax.csv_source'],
        ['tanggal_muncul', 'accounts.csv_date'],
        ['kode_unit', 'accounts.csv_unit_code_unknown'],
      ]),
    )
    expect(body.errors.every((error) => error.message.length > 0)).toBe(true)
    const listed = await s.app.inject({ method: 'GET', url: '/api/hoax-claims', headers: s.headers })
    expect(listed.json<{ items: unknown[] }>().items).toEqual([])
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'hoax_claim.import' })).toEqual([])

    const refused = await importCsv(s, csv, false)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { key: 'hoax.import_has_errors' } })

    const good = csv.split('\n').slice(0, 3).join('\n')
    const saved = await importCsv(s, good, false)
    expect(saved.json()).toMatchObject({ saved: true, created: 2, updated: 0 })
    const again = await importCsv(s, good, true)
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })

    const exported = await s.app.inject({
      method: 'GET',
      url: '/api/hoax-claims/export.csv',
      headers: s.headers,
    })
    expect(exported.headers['content-type']).toContain('text/csv')
    expect(exported.body).toContain('[DISINFORMASI]')
    expect(exported.body).toContain('Siaran pers | https://example.go.id/bansos')
    const roundTrip = await importCsv(s, exported.body, true)
    expect(roundTrip.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] })
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'hoax_claims' })
    expect(audit.map((entry) => entry.action).sort()).toEqual(['hoax_claim.export', 'hoax_claim.import'])
  })

  it('give the matcher the active claims with their variants and keywords, so a draft restating one is blocked', async () => {
    const s = await setup()
    const created = await create(s)
    const claims = await claimsForMatching(s.ctx.db, s.owner.id)
    expect(claims).toEqual([
      { id: created.id, claim: VACCINE.claim, fact: VACCINE.facts, keywords: VACCINE.keywords },
      { id: created.id, claim: VACCINE.variants[0], fact: VACCINE.facts, keywords: VACCINE.keywords },
    ])
    const findings = checkDraft(
      { platform: 'x', text: 'Imunisasi campak ditanami microchip 5G buat melacak warga, hati-hati!' },
      { claims: createHoaxMatcher(claims) },
    )
    expect(findings.map((finding) => finding.code)).toContain('hoax_claim')
    await s.app.inject({ method: 'POST', url: `/api/hoax-claims/${created.id}/archive`, headers: s.headers })
    expect(await claimsForMatching(s.ctx.db, s.owner.id)).toEqual([])
  })
})
