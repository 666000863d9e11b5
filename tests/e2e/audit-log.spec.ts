// The audit page in a real browser against the real server, after an admin has made a few changes through the
// API: every entry reads in words (action labels, the object's name, the actor's name, before → after, the time
// as "Senin, 12 Okt 2026 14.30 WIB"), never as codes, ids or ISO dates; the filters are drop-downs of names; an
// entry too big for the list opens whole; the admin exports CSV with WIB times; the auditor makes and downloads
// a signed checkpoint. Every state passes axe, and the page fits a phone (390×844) without sideways scrolling.
// Screenshots land in test-results/screenshots/audit-*.png.
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { recordChangeAs } from '../../src/features/audit/record-change.ts'
import { totpCodeAt } from '../../src/features/identity/totp.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: WAIT_MS, interval: 100 })
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }

const admin = { name: 'Sari Wulandari', email: 'sari@kotacontoh.go.id', password: 'Kata-sandi-admin-2026!' }
const operator = {
  name: 'Budi Santoso',
  email: 'budi@kotacontoh.go.id',
  password: 'Kata-sandi-pengelola-2026',
}
const head = {
  name: 'Rina Kartika',
  email: 'rina@kotacontoh.go.id',
  password: 'Kata-sandi-kepala-2026',
}
const auditor = {
  name: 'Intan Permata',
  email: 'intan@inspektorat.go.id',
  password: 'Kata-sandi-auditor-2026',
}

/** Codes of the actions the seed writes: none may appear on the page as such. */
const ACTION_CODES = [
  'instansi.create',
  'user.create',
  'user.two_factor_enable',
  'unit.create',
  'unit.update',
  'naming.update',
  'account.create',
  'account.import',
  'calendar.add',
  'user.disable',
  'auth.password_failed',
]
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const ISO_DATE = /\d{4}-\d{2}-\d{2}/
const WIB_TIME = /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}\.\d{2} WIB/

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
const pageErrors: string[] = []

async function shot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (options.fullPage ?? true)
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    )
  await page.screenshot({ path: `${SHOTS}audit-${name}.png`, fullPage: options.fullPage ?? true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

/** What a sighted reader sees of an element (hidden and folded-away text left out). */
async function visibleText(selector: ReturnType<Page['locator']>): Promise<string> {
  return selector.evaluate((element) => (element as unknown as { innerText: string }).innerText)
}

/** The admin's changes, made through the API as the web app makes them. */
async function seed(request: APIRequestContext): Promise<void> {
  let csrf = ''
  const send = async <T>(method: 'POST' | 'PATCH' | 'PUT', path: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(`${baseUrl}${path}`, {
      method,
      data: data ?? {},
      headers: { 'X-CSRF-Token': csrf },
    })
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(200)
    return (await response.json()) as T
  }
  const setup = await send<{ csrfToken: string; instansiId: string; rootUnitId: string; userId: string }>(
    'POST',
    '/api/setup',
    {
      instansiName: 'Pemerintah Kota Contoh',
      slug: 'kotacontoh',
      rootUnitName: 'Bagian Protokol dan Komunikasi Pimpinan',
      rootUnitCode: 'PROKOPIM',
      adminName: admin.name,
      adminEmail: admin.email,
      adminPassword: admin.password,
    },
  )
  csrf = setup.csrfToken
  const enrolment = await send<{ secret: string }>('POST', '/api/me/two-factor/enrol')
  await send('POST', '/api/me/two-factor/confirm', { code: totpCodeAt(enrolment.secret, new Date()) })
  const unit = await send<{ id: string }>('POST', '/api/units', {
    parentId: setup.rootUnitId,
    code: 'DINKES',
    name: 'Dinas Kesehatan',
  })
  await send('PATCH', `/api/units/${unit.id}`, { name: 'Dinas Kesehatan Kota' })
  const pengelola = await send<{ user: { id: string } }>('POST', '/api/users', {
    email: operator.email,
    name: operator.name,
    password: operator.password,
    grants: [{ role: 'pengelola', unitId: unit.id }],
  })
  const penanggungJawab = await send<{ user: { id: string } }>('POST', '/api/users', {
    email: head.email,
    name: head.name,
    password: head.password,
    grants: [{ role: 'penanggung_jawab', unitId: unit.id }],
  })
  await send('POST', '/api/users', {
    email: auditor.email,
    name: auditor.name,
    password: auditor.password,
    grants: [{ role: 'auditor', unitId: setup.rootUnitId }],
  })
  await send('PUT', '/api/naming/patterns', { patterns: { instagram: 'humas_{unit}' } })
  await send('POST', '/api/accounts', {
    unitId: unit.id,
    platform: 'instagram',
    handle: 'dinkes_official',
    penanggungJawabUserId: penanggungJawab.user.id,
    pengelola: [
      { userId: pengelola.user.id, suratTugasNumber: '800/123/PROKOPIM/2026', suratTugasDate: '2026-01-05' },
    ],
    platformTwoFactor: true,
  })
  await send('POST', '/api/calendar/days', {
    date: '2026-12-21',
    kind: 'holiday',
    name: 'Hari Jadi Kota Contoh',
  })
  // Someone types the operator's e-mail with a wrong password: an entry by nobody signed in.
  const failed = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: operator.email, password: 'salah-sekali' }),
  })
  expect(failed.status).toBe(401)
  // An import of 3,000 accounts writes one entry far too big for a list page (the API cuts it).
  await context.db.transaction((tx) =>
    recordChangeAs(
      tx,
      { instansiId: setup.instansiId, userId: setup.userId, label: admin.email },
      { ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36' },
      {
        action: 'account.import',
        objectType: 'account',
        after: {
          rows: 3000,
          created: 3000,
          changes: Array.from({ length: 3000 }, (_, index) => ({
            handle: `humas_desa_${index}`,
            platform: 'instagram',
            unitId: unit.id,
            notes: 'Akun desa yang didaftarkan dari daftar kecamatan tahun 2026',
          })),
        },
      },
    ),
  )
  await send('PATCH', `/api/users/${pengelola.user.id}`, { disabled: true })
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(context))
  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
    acceptDownloads: true,
  })
  // The admin's session cookie lands in the browser's context: the page opens signed in.
  await seed(session.request)
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    await page.screenshot({
      path: `${SHOTS}audit-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
  }
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('the audit page in the browser', () => {
  it('shows each entry in words: labels, names, before → after and WIB times, never codes, ids or ISO dates', async () => {
    await page.goto(`${baseUrl}/audit`)
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor()
    const table = page.getByTestId('audit-table')
    await table.getByRole('row').filter({ hasText: 'Unit kerja diubah' }).waitFor()
    const text = await visibleText(table)
    for (const words of [
      'Instansi dibuat',
      'Pengguna ditambahkan',
      'Akun resmi didaftarkan',
      'Hari kalender ditambahkan',
      'Pengguna dinonaktifkan',
      'Kata sandi salah dimasukkan',
      // Objects by their names, actors by theirs.
      '@dinkes_official (Instagram)',
      '21 Desember 2026 (Hari Jadi Kota Contoh)',
      `${operator.name} (${operator.email})`,
      `${admin.name} (${admin.email})`,
      'Penyiapan pertama',
      'Belum masuk (percobaan masuk)',
    ])
      expect(text, words).toContain(words)
    expect(text).toMatch(WIB_TIME)
    for (const code of ACTION_CODES) expect(text, code).not.toContain(code)
    expect(text).not.toMatch(ISO_DATE)
    // No row names anything by its id (the first-run entry names its top unit by name and code).
    const rowsWithIds: string[] = []
    for (const row of await table.locator('tbody tr').all()) {
      const rowText = await visibleText(row)
      if (UUID.test(rowText)) rowsWithIds.push(rowText.split('\t')[2]?.split('\n')[0] ?? rowText)
    }
    expect(rowsWithIds).toEqual([])

    // The rename reads before → after; the disabled user as "Tidak → Ya".
    const rename = table.getByRole('row').filter({ hasText: 'Unit kerja diubah' })
    expect(await visibleText(rename)).toContain('Nama: Dinas Kesehatan → Dinas Kesehatan Kota')
    const disabled = table.getByRole('row').filter({ hasText: 'Pengguna dinonaktifkan' })
    expect(await visibleText(disabled)).toContain('Nonaktif: Tidak → Ya')
    // The import was too big for the list, and says where to see it whole.
    const imported = table.getByRole('row').filter({ hasText: 'Akun resmi diimpor dari CSV' })
    expect(await visibleText(imported)).toContain('Terlalu besar untuk daftar')
    await expectAccessible('audit page')
    await shot('01-desktop')
  })

  it('filters by choosing an action, an actor and a period from drop-downs of names', async () => {
    const action = page.getByLabel('Tindakan', { exact: true })
    const options = await action.locator('option').allTextContents()
    expect(options).toContain('Unit kerja diubah')
    for (const code of ACTION_CODES) expect(options).not.toContain(code)
    await action.selectOption({ label: 'Unit kerja diubah' })
    const table = page.getByTestId('audit-table')
    await poll(async () => table.locator('tbody tr').count()).toBe(1)

    await page.getByRole('button', { name: 'Kosongkan saringan' }).click()
    await page.getByLabel('Pelaku', { exact: true }).selectOption({ label: 'Penyiapan pertama' })
    await poll(async () => visibleText(table)).not.toContain('Unit kerja')
    expect(await visibleText(table)).toContain('Instansi dibuat')

    // A period that ends before it starts is caught on the spot.
    await page.getByRole('button', { name: 'Kosongkan saringan' }).click()
    await page.getByLabel('Dari tanggal').fill('10 Desember 2026')
    await page.keyboard.press('Escape')
    await page.getByLabel('Sampai tanggal').fill('1 Desember 2026')
    await page.keyboard.press('Escape')
    await page.getByText('Tanggal akhir jatuh sebelum tanggal awal.').first().waitFor()
    await expectAccessible('filters with a backwards period')
    await shot('02-filter-error', { fullPage: false })
    await page.getByRole('button', { name: 'Kosongkan saringan' }).click()
    await table.getByRole('row').filter({ hasText: 'Instansi dibuat' }).waitFor()
  })

  it('opens an entry with every changed field and, folded away, its technical details', async () => {
    const table = page.getByTestId('audit-table')
    await table
      .getByRole('row')
      .filter({ hasText: 'Akun resmi didaftarkan' })
      .getByRole('button', { name: /^Rincian/ })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Akun resmi didaftarkan' })
    await dialog.waitFor()
    const changes = dialog.getByTestId('audit-changes')
    await changes.waitFor()
    const text = await visibleText(dialog)
    for (const words of [
      'Penanggung jawab',
      `${head.name} (${head.email})`,
      'Dinas Kesehatan Kota (DINKES)',
      'Verifikasi dua langkah platform',
      'Belum terverifikasi',
      '800/123/PROKOPIM/2026',
    ])
      expect(text, words).toContain(words)
    expect(text).not.toMatch(UUID)
    expect(text).not.toContain('account.create')
    await expectAccessible('audit entry dialog')
    await shot('03-entry-dialog', { fullPage: false })

    // The technical details an inspector matches against the export: there, but only when asked for.
    await dialog.getByRole('button', { name: 'Rincian teknis (untuk pemeriksa)' }).click()
    await dialog.getByText('Hash catatan sebelumnya').waitFor()
    expect(await visibleText(dialog)).toContain('account.create')
    await expectAccessible('audit entry technical details')
    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('opens an entry that was too big for the list in full', async () => {
    const table = page.getByTestId('audit-table')
    await table
      .getByRole('row')
      .filter({ hasText: 'Akun resmi diimpor dari CSV' })
      .getByRole('button', { name: /^Rincian/ })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Akun resmi diimpor dari CSV' })
    await dialog.getByText('di sini tampil lengkap').waitFor()
    await dialog.getByTestId('audit-changes').waitFor()
    const text = await visibleText(dialog)
    expect(text).toContain('3.000')
    // The list said a value was too big to show; the whole entry shows every value.
    expect(text).not.toContain('(terlalu besar untuk ditampilkan')
    await expectAccessible('a big entry opened in full')
    await shot('04-big-entry', { fullPage: false })
    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('exports the log as CSV with WIB times, and the export shows up in the log', async () => {
    expect(await page.getByText('Setiap ekspor juga tercatat di log ini.').isVisible()).toBe(true)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Ekspor CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^log-audit-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync(await file.path(), 'utf8')
    expect(csv).toContain('occurred_at')
    expect(csv).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/)
    expect(csv).toContain('Unit kerja diubah')
    await page.getByTestId('audit-table').getByRole('row').filter({ hasText: 'Log audit diekspor' }).waitFor()
  })

  it('lets the auditor make and download a signed checkpoint, and says why to keep it', async () => {
    const auditorSession = await newOfficeSession(browser, {
      viewport: DESKTOP,
      acceptDownloads: true,
    })
    const mainPage = page
    try {
      page = await auditorSession.newPage()
      page.setDefaultTimeout(WAIT_MS)
      page.on('pageerror', (error) => pageErrors.push(error.message))
      await page.goto(`${baseUrl}/audit`)
      await page.getByLabel('Alamat e-mail').fill(auditor.email)
      await page.getByLabel('Kata sandi', { exact: true }).fill(auditor.password)
      await page.getByRole('button', { name: 'Masuk', exact: true }).click()
      // The admin typed the auditor's first password, so the auditor replaces it before anything else.
      await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor()
      await page.getByLabel('Kata sandi saat ini').fill(auditor.password)
      await page.getByLabel('Kata sandi baru', { exact: true }).fill('Pemeriksa-laporan-pagi-42')
      await page.getByLabel('Ulangi kata sandi baru').fill('Pemeriksa-laporan-pagi-42')
      await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
      // Then the app goes on to the page that was asked for.
      await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor()
      const panel = page.getByRole('region', { name: 'Titik periksa' })
      await panel.getByText('Belum ada titik periksa').waitFor()
      expect(await visibleText(panel)).toContain('simpan di luar server')
      const fingerprint = ((await panel.getByTestId('signing-key-fingerprint').textContent()) ?? '').trim()
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/)

      const download = page.waitForEvent('download')
      await panel.getByRole('button', { name: 'Buat dan unduh titik periksa' }).click()
      const file = await download
      expect(file.suggestedFilename()).toMatch(/^warta-checkpoint-kotacontoh-\d{4}-\d{2}-\d{2}-\d+\.json$/)
      const signed = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
        signature: { fingerprint: string }
      }
      expect(signed.signature.fingerprint).toBe(fingerprint)
      await page.getByRole('status').filter({ hasText: 'Titik periksa baru' }).waitFor()
      const row = panel.getByRole('row').filter({ hasText: auditor.email })
      await row.waitFor()
      expect(await visibleText(row)).toMatch(WIB_TIME)
      // The auditor may export too.
      expect(await page.getByRole('button', { name: 'Ekspor CSV' }).isVisible()).toBe(true)
      await expectAccessible('auditor with a checkpoint')
      await shot('05-auditor-checkpoint')
    } finally {
      page = mainPage
      await auditorSession.close()
    }
  })

  it('fits a phone: cards, the entry dialog full-screen, and nothing scrolls sideways', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/audit`)
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor()
    const card = page.getByRole('listitem').filter({ hasText: 'Unit kerja diubah' })
    await card.waitFor()
    expect(await visibleText(card)).toContain('Dinas Kesehatan → Dinas Kesehatan Kota')
    expect(await sideways(), 'audit page on a phone').toEqual([])
    await expectAccessible('audit page on a phone')
    // Pictures a screen high: a whole phone page is too long to look at.
    await shot('06-phone-top', { fullPage: false })
    await card.scrollIntoViewIfNeeded()
    await shot('06b-phone-card', { fullPage: false })
    const checkpoints = page.getByRole('region', { name: 'Titik periksa' })
    await checkpoints.scrollIntoViewIfNeeded()
    await shot('06c-phone-checkpoints', { fullPage: false })

    await card.getByRole('button', { name: /^Rincian/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Unit kerja diubah' })
    await dialog.getByTestId('audit-changes').waitFor()
    expect(await sideways(), 'entry dialog on a phone').toEqual([])
    await expectAccessible('entry dialog on a phone')
    await shot('07-phone-entry', { fullPage: false })
    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('speaks English when chosen: labels, names and times', async () => {
    await page.setViewportSize(DESKTOP)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor()
    const table = page.getByTestId('audit-table')
    await table.getByRole('row').filter({ hasText: 'Unit changed' }).waitFor()
    const text = await visibleText(table)
    expect(text).toContain('Name: Dinas Kesehatan → Dinas Kesehatan Kota')
    expect(text).toContain('First-run setup')
    expect(text).toMatch(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} WIB/)
    for (const code of ACTION_CODES) expect(text, code).not.toContain(code)
    await expectAccessible('audit page in English')
    await shot('08-english')
    expect(pageErrors, 'uncaught errors in the web app').toEqual([])
  })
})

/** Whether the page scrolls sideways, naming what sticks out on the right. */
async function sideways(): Promise<string[]> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as {
      innerWidth: number
      document: {
        documentElement: { scrollWidth: number }
        querySelectorAll: (selector: string) => ArrayLike<{
          tagName: string
          className: unknown
          getBoundingClientRect: () => { right: number }
        }>
      }
    }
    const width = browser.innerWidth
    if (browser.document.documentElement.scrollWidth <= width) return []
    const wide = Array.from(browser.document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`)
    return [`scrollWidth ${browser.document.documentElement.scrollWidth} > ${width}`, ...wide]
  })
}
