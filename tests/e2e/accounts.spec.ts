// The official account registry and the naming patterns in a real browser against the real server with its job
// runner (as `warta start` runs them): an account typed as an address with two pengelola, one still waiting for
// the surat tugas; every problem of the form at once; the pickers offering only the people the unit may name;
// the search box; a CSV saved by a spreadsheet in the Indonesian locale checked first, then imported with its
// progress; a naming pattern refused, one saved with warnings, and the test box. Then the new parts on a phone
// (390×844): nothing scrolls sideways and axe finds no serious or critical problem.
// Screenshots land in test-results/screenshots/ (a…).
import { mkdirSync, readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hash } from '@node-rs/argon2'
import { pino } from 'pino'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { instansi, roleGrants, unitAttributes, units, users } from '../../src/db/schema/index.ts'
import { generateTotpSecret, totpCodeAt } from '../../src/features/identity/totp.ts'
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: WAIT_MS, interval: 100 })
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const PASSWORD = 'Kata-sandi-uji-akun-2026'

const admin = { name: 'Sari Wulandari', email: 'sari@kotauji.go.id' }
const official = { name: 'Rina Kartika', email: 'rina@kotauji.go.id' }
const budi = { name: 'Budi Santoso', email: 'budi@kotauji.go.id' }
const ani = { name: 'Ani Lestari', email: 'ani@kotauji.go.id' }

let context: AppContext
let app: FastifyInstance
let jobs: JobRunner
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let totpSecret = ''
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

async function openNav(label: string): Promise<void> {
  await page.locator('#main-nav').getByRole('link', { name: label }).click()
  await page.getByRole('heading', { level: 1, name: label }).waitFor()
}

/** One instansi: PEMKOT → DINKES (kota Bandung) and DINASPENDIDIKANKEBUDAYAAN; the people of this journey. */
async function seed(): Promise<void> {
  const db = context.db
  const [owner] = await db
    .insert(instansi)
    .values({ slug: 'kotauji', name: 'Pemerintah Kota Uji' })
    .returning()
  const instansiId = owner!.id
  const root = randomUUID()
  const dinkes = randomUUID()
  const disdik = randomUUID()
  await db.insert(units).values([
    {
      id: root,
      instansiId,
      path: `/${root}/`,
      code: 'PEMKOT',
      name: 'Pemerintah Kota Uji',
      kind: 'instansi',
    },
    {
      id: dinkes,
      instansiId,
      parentId: root,
      path: `/${root}/${dinkes}/`,
      code: 'DINKES',
      name: 'Dinas Kesehatan',
    },
    {
      id: disdik,
      instansiId,
      parentId: root,
      path: `/${root}/${disdik}/`,
      code: 'DINASPENDIDIKANKEBUDAYAAN',
      name: 'Dinas Pendidikan dan Kebudayaan',
    },
  ])
  await db.insert(unitAttributes).values({ unitId: root, instansiId, attributes: { kota: 'Bandung' } })
  const passwordHash = await hash(PASSWORD)
  totpSecret = generateTotpSecret()
  const people: Array<{
    person: { name: string; email: string }
    unitId: string
    role: string
    totp?: string
  }> = [
    { person: admin, unitId: root, role: 'admin', totp: totpSecret },
    { person: official, unitId: dinkes, role: 'penanggung_jawab' },
    { person: budi, unitId: dinkes, role: 'pengelola' },
    // A pengelola on the top unit may manage the accounts of every unit below it.
    { person: ani, unitId: root, role: 'pengelola' },
  ]
  for (const { person, unitId, role, totp } of people) {
    const id = randomUUID()
    await db.insert(users).values({
      id,
      instansiId,
      ...person,
      passwordHash,
      totpSecret: totp ?? null,
      totpEnabledAt: totp ? new Date() : null,
    })
    await db.insert(roleGrants).values({ instansiId, userId: id, unitId, role })
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const logger = pino({ level: 'silent' })
  context = await createE2eContext({}, logger)
  await seed()
  ;({ app, baseUrl } = await serveE2eApp(context))
  jobs = await startJobRunner(context, { relayIntervalMs: 200 })
  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
    acceptDownloads: true,
  })
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)
    await page.screenshot({
      path: `${SHOTS}failed-a-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await jobs?.close()
  await app?.close()
  await context?.close()
})

describe('the account registry in the browser', () => {
  it('registers an account typed as its address, with two pengelola, after naming every problem of the form at once', async () => {
    await page.goto(baseUrl)
    await page.getByLabel('Alamat e-mail').fill(admin.email)
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.getByLabel('Kode autentikator').fill(totpCodeAt(totpSecret, new Date()))
    await page.getByRole('button', { name: 'Verifikasi' }).click()
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` }).waitFor()

    await openNav('Akun resmi')
    await page.getByRole('button', { name: 'Daftarkan akun' }).click()
    const form = page.locator('form').filter({ has: page.getByLabel(/^Nama akun/) })
    await form.getByLabel(/^Platform/).selectOption('x')
    await form.getByLabel(/^Nama akun/).fill('humas dinkes kota')
    // Nobody holds the penanggung jawab role on the top unit: the picker says so.
    await poll(() => form.getByText('Belum ada pengguna aktif dengan peran Penanggung jawab').count()).toBe(1)
    await form.getByLabel(/^Unit/).selectOption({ label: '— Dinas Kesehatan (DINKES)' })
    await form.getByRole('button', { name: 'Tambah pengelola' }).click()
    await form.getByRole('button', { name: 'Simpan' }).click()
    // One answer, every problem: the handle X refuses, the missing penanggung jawab, the pengelola row.
    for (const control of [
      form.getByLabel(/^Nama akun/),
      form.getByLabel(/^Penanggung jawab/),
      form.getByRole('group', { name: 'Pengelola 1' }).getByLabel(/^Pengguna/),
    ])
      await poll(() => control.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByRole('alert').first().textContent()).toContain('1–15 karakter')
    await expectAccessible('account form with every problem')
    await shot('a01-account-form-every-problem')

    // Only the people holding the role on the unit (or above) are offered.
    const pj = form.getByLabel(/^Penanggung jawab/)
    await poll(() => pj.locator('option').allTextContents()).toEqual([
      '— Pilih —',
      `${official.name} (${official.email})`,
    ])
    await form.getByLabel(/^Platform/).selectOption('instagram')
    await form.getByLabel(/^Nama akun/).fill('https://www.instagram.com/Humas.Dinkes/')
    await pj.selectOption({ label: `${official.name} (${official.email})` })
    const first = form.getByRole('group', { name: 'Pengelola 1' })
    expect(
      await first
        .getByLabel(/^Pengguna/)
        .locator('option')
        .allTextContents(),
    ).toEqual([
      '— Pilih —',
      `${ani.name} (${ani.email})`,
      `${budi.name} (${budi.email})`,
      // A penanggung jawab may also operate the account.
      `${official.name} (${official.email})`,
    ])
    await first.getByLabel(/^Pengguna/).selectOption({ label: `${budi.name} (${budi.email})` })
    await first.getByLabel('Nomor surat tugas').fill('800/45/DINKES/2026')
    await first.getByLabel('Tanggal surat tugas').fill('5 Januari 2026')
    await page.keyboard.press('Escape')
    await form.getByRole('button', { name: 'Tambah pengelola' }).click()
    const second = form.getByRole('group', { name: 'Pengelola 2' })
    await second.getByLabel(/^Pengguna/).selectOption({ label: `${ani.name} (${ani.email})` })
    await form.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('status').filter({ hasText: 'Akun Humas.Dinkes didaftarkan.' }).waitFor()

    const row = page.getByTestId('account-table').getByRole('row').filter({ hasText: 'Humas.Dinkes' })
    await poll(() => row.textContent()).toContain(official.name)
    const text = (await row.textContent()) ?? ''
    expect(text).toContain('Surat tugas 800/45/DINKES/2026, 5 Januari 2026')
    expect(text).toContain(ani.name)
    expect(text).toContain('Tanpa surat tugas')
    expect(await row.getByRole('link', { name: 'Humas.Dinkes' }).getAttribute('href')).toBe(
      'https://www.instagram.com/Humas.Dinkes/',
    )
    await expectAccessible('accounts with their people')
    await shot('a02-accounts-people')
  })

  it('finds accounts by handle or display name with the search box', async () => {
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string }
      const units = (await (await fetch('/api/units')).json()) as { items: { id: string; code: string }[] }
      const people = (await (
        await fetch(`/api/accounts/people?unitId=${units.items.find((u) => u.code === 'DINKES')!.id}`)
      ).json()) as { penanggungJawab: { userId: string }[] }
      const response = await fetch('/api/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({
          platform: 'x',
          handle: '@InfoSehatKota',
          displayName: 'Info Sehat Kota Uji',
          unitId: units.items.find((u) => u.code === 'DINKES')!.id,
          penanggungJawabUserId: people.penanggungJawab[0]!.userId,
        }),
      })
      return response.status
    })
    expect(status).toBe(200)
    await page.reload()
    const table = page.getByTestId('account-table')
    await poll(() => table.getByRole('row').count()).toBe(3)
    await page.getByLabel('Cari').fill('sehat')
    await poll(() => table.getByRole('row').count()).toBe(2)
    expect(await table.textContent()).toContain('InfoSehatKota')
    await page.getByLabel('Cari').fill('')
    await poll(() => table.getByRole('row').count()).toBe(3)
  })

  it('checks a CSV saved with semicolons and Indonesian words first, then imports it with its progress', async () => {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Unduh templat CSV' }).click()
    const template = await download
    expect(template.suggestedFilename()).toBe('templat-akun-resmi.csv')
    expect(readFileSync(await template.path(), 'utf8')).toContain(
      'platform,nama_akun,nama_tampilan,alamat,kode_unit,penanggung_jawab_email,pengelola_1_email',
    )

    const csv = [
      'platform;nama_akun;kode_unit;penanggung_jawab_email;pengelola_1_email;pengelola_1_nomor_surat_tugas;pengelola_1_tanggal_surat_tugas;status;2fa_platform',
      `tiktok;HumasDinkes;DINKES;${official.email};${budi.email};800/46/DINKES/2026;06/01/2026;aktif;ya`,
      `youtube;dinkeskotauji;DINKES;${official.email};;;;tidak aktif;tidak`,
      `facebook;dinas.pendidikan.uji;DINASPENDIDIKANKEBUDAYAAN;${official.email};;;;aktif;tidak`,
      `threads;humas.dinkes;DINKES;${admin.email};;;;aktif;tidak`,
      ';;;;;;;;',
      ';;;;;;;;',
    ].join('\r\n')
    await page
      .getByLabel('Impor CSV…')
      .setInputFiles({ name: 'akun.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    const imported = page.getByTestId('account-import')
    // Four data rows: the header and the rows of empty cells are not counted.
    await poll(() => imported.textContent()).toContain(
      '4 baris: 2 akun akan dibuat, 0 diubah, 0 tidak berubah, 2 bermasalah',
    )
    const rows = page.getByRole('table', { name: 'Baris berkas yang akan diimpor' })
    await poll(() => rows.getByRole('row').count()).toBe(5)
    await page.getByLabel('Tampilkan').selectOption({ label: 'Bermasalah (2)' })
    await poll(() => rows.getByRole('row').count()).toBe(3)
    expect(await rows.getByRole('row').nth(1).textContent()).toContain(
      `penanggung_jawab_email ${official.name} tidak memegang peran Penanggung jawab di unit akun ini`,
    )
    expect(await rows.getByRole('row').nth(2).textContent()).toContain(
      `penanggung_jawab_email ${admin.name} tidak memegang peran Penanggung jawab`,
    )
    await expectAccessible('import preview')
    await shot('a03-import-preview')

    await page.getByRole('button', { name: 'Impor 2 akun' }).click()
    await poll(() => imported.textContent()).toContain('Impor selesai. 4 baris: 2 akun dibuat')
    const table = page.getByTestId('account-table')
    await poll(() => table.textContent()).toContain('HumasDinkes')
    expect(await table.textContent()).toContain('dinkeskotauji')
    await expectAccessible('import done')
    await shot('a04-import-done')
  })

  it('refuses a pattern no unit could meet, saves with a warning one some units cannot, and tries a pattern on a unit', async () => {
    await openNav('Pola nama akun')
    const x = page.getByLabel('X', { exact: true })
    await x.fill('humas-{unit}')
    await page.getByRole('button', { name: 'Simpan pola' }).click()
    await poll(() => x.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByRole('alert').first().textContent()).toContain('X tidak menerima karakter "-"')

    await x.fill('humas_{unit}')
    await page.getByRole('button', { name: 'Simpan pola' }).click()
    const warnings = page.getByTestId('naming-warnings')
    await poll(() => warnings.textContent()).toContain(
      'Untuk 1 unit, nama dari pola ini lebih panjang dari 15 karakter yang diizinkan X',
    )
    expect(await warnings.textContent()).toContain(
      'DINASPENDIDIKANKEBUDAYAAN: humas_dinaspendidikankebudayaan (31)',
    )
    expect(await page.getByText('Pola disimpan, tetapi perlu diperhatikan:').isVisible()).toBe(true)

    const result = page.getByTestId('naming-test-result')
    await page
      .getByLabel('Unit', { exact: true })
      .selectOption({ label: '— Dinas Pendidikan dan Kebudayaan (DINASPENDIDIKANKEBUDAYAAN)' })
    await poll(() => result.textContent()).toContain(
      'Terlalu panjang untuk X: 31 karakter, paling banyak 15.',
    )
    expect(await result.textContent()).toContain('Tidak cocok')
    await expectAccessible('naming warnings and the test box')
    await shot('a05-naming-warning-and-test')
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: '— Dinas Kesehatan (DINKES)' })
    await poll(() => result.textContent()).toContain('humas_dinkes')
    expect(await result.textContent()).toContain('Cocok')
    await page.getByLabel('Pola yang dicoba').fill('{kota}_{unit}')
    await poll(() => result.textContent()).toContain('bandung_dinkes')
  })

  it('fits the registry, its form, the import and the naming page on a phone', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/accounts`)
    await page.getByRole('heading', { level: 1, name: 'Akun resmi' }).waitFor()
    await page.getByRole('listitem').filter({ hasText: 'Humas.Dinkes' }).first().waitFor()
    const csv = [
      'platform;nama_akun;kode_unit;penanggung_jawab_email',
      `x;humas_dinkes_2;DINKES;${official.email}`,
      `x;nama akun yang terlalu panjang;DINKES;${official.email}`,
    ].join('\r\n')
    await page
      .getByLabel('Impor CSV…')
      .setInputFiles({ name: 'akun.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await poll(() => page.getByTestId('account-import').textContent()).toContain(
      '2 baris: 1 akun akan dibuat',
    )
    await page.getByTestId('import-items').waitFor()
    expect(await sidewaysOverflow(page), 'accounts').toEqual([])
    await expectAccessible('accounts on a phone')
    await shot('a06-phone-accounts')
    await page.getByTestId('account-import').screenshot({ path: `${SHOTS}a06b-phone-import-preview.png` })

    await page.getByRole('button', { name: 'Ubah akun Humas.Dinkes' }).click()
    await page.getByRole('region', { name: 'Ubah akun Humas.Dinkes' }).waitFor()
    await page.getByRole('group', { name: 'Pengelola 2' }).waitFor()
    expect(await sidewaysOverflow(page), 'account form').toEqual([])
    await expectAccessible('account form on a phone')
    await shot('a07-phone-account-form')

    await page.goto(`${baseUrl}/naming`)
    await page.getByTestId('naming-warnings').waitFor()
    await poll(() => page.getByTestId('naming-test-result').textContent()).toContain('humas_')
    expect(await sidewaysOverflow(page), 'naming').toEqual([])
    await expectAccessible('naming on a phone')
    await shot('a08-phone-naming')
    expect(pageErrors, 'uncaught errors in the web app').toEqual([])
  })
})
