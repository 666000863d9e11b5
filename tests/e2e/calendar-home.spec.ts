// The calendar, units and home-page journeys in a real browser against the real server: what needs attention on
// the home page and the list behind a count; removing a national holiday (asked first, still listed by name,
// restored), a replacement working day and a libur daerah; the deadline calculator with a provisional result;
// the calendar settings; importing next year's table from CSV (errors per row, then saved); a unit's kind.
// Every page and state is checked with axe, and at phone width (390×844) for sideways scrolling.
// Screenshots land in test-results/screenshots/ (prefix c-).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { accountPengelola, accounts, units } from '../../src/db/schema/index.ts'
import { setNamingPatterns } from '../../src/db/settings-repository.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../support/fixtures.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: WAIT_MS, interval: 100 })
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const thisYear = new Date().getFullYear()
const nextYear = thisYear + 1

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
  await page.screenshot({ path: `${SHOTS}c-${name}.png`, fullPage: options.fullPage ?? true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

async function confirmDialog(action: string, label: string): Promise<void> {
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  await expectAccessible(`confirm dialog: ${label}`)
  await dialog.getByRole('button', { name: action, exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

async function toast(text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

/** Whether the page scrolls sideways, naming what sticks out. */
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

/** An office part-way through setting up: units, a naming pattern, accounts with things wrong, no approver 2FA. */
async function seed(db: AppContext['db']) {
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  await db.update(units).set({ name: 'Sekretariat Daerah' }).where(eq(units.id, owner.rootUnit.id))
  const secret = generateTotpSecret()
  const admin = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    email: 'sari@kotacontoh.go.id',
    totpSecret: secret,
  })
  const dinkes = await createTestUnit(db, owner, owner.rootUnit, 'DINKES')
  await db.update(units).set({ name: 'Dinas Kesehatan', kind: 'dinas' }).where(eq(units.id, dinkes.id))
  const pj = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }], {
    email: 'rina@kotacontoh.go.id',
  })
  const pengelola = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  await setNamingPatterns(db, owner.id, { instagram: 'humas_{unit}' }, new Date())
  const [good, breaking] = await db
    .insert(accounts)
    .values([
      {
        instansiId: owner.id,
        unitId: dinkes.id,
        platform: 'instagram',
        handle: 'humas_dinkes',
        url: 'https://instagram.com/humas_dinkes',
        penanggungJawabUserId: pj.id,
        platformTwoFactor: true,
        credentialRotatedOn: `${thisYear}-11-20`,
      },
      {
        instansiId: owner.id,
        unitId: dinkes.id,
        platform: 'instagram',
        handle: 'dinkes_official',
        url: 'https://instagram.com/dinkes_official',
        penanggungJawabUserId: pj.id,
        platformTwoFactor: false,
        credentialRotatedOn: null,
      },
    ])
    .returning({ id: accounts.id })
  await db.insert(accountPengelola).values([
    {
      accountId: good!.id,
      instansiId: owner.id,
      userId: pengelola.id,
      suratTugasNumber: '',
      suratTugasDate: `${thisYear}-01-05`,
    },
    {
      accountId: breaking!.id,
      instansiId: owner.id,
      userId: pengelola.id,
      suratTugasNumber: '800/12/DINKES',
      suratTugasDate: `${thisYear}-01-05`,
    },
  ])
  return { owner, admin: { ...admin, totpSecret: secret } }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(context))
  const { admin } = await seed(context.db)
  const login = await loginAs(app, admin)
  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
    acceptDownloads: true,
  })
  const [name, value] = login.cookie.split('=') as [string, string]
  await session.addCookies([{ name, value, url: baseUrl }])
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)
    await page.screenshot({
      path: `${SHOTS}c-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('calendar, units and what needs attention, in the browser', () => {
  it('shows the admin what needs attention, and the list behind a count', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: /^Selamat datang/ }).waitFor()
    const checklist = page.getByTestId('checklist')
    await checklist.waitFor()
    expect(await checklist.textContent()).toContain('1 orang belum mengaktifkannya')
    const counts = page.getByTestId('attention-counts')
    expect(await counts.textContent()).toContain('Akun yang menyalahi pola nama')
    // The missing table of next year is a warning, with its sign, not a success.
    const warning = page.locator('[data-tone="warning"]').filter({ hasText: String(nextYear) })
    await warning.waitFor()
    expect(await warning.locator('svg').count()).toBe(1)
    await expectAccessible('home with what needs attention')
    await shot('01-home-attention')

    await page.getByLabel('Periode penggantian kata sandi akun resmi').fill('60')
    await page.getByRole('button', { name: 'Simpan periode' }).click()
    await toast('Periode penggantian kata sandi disimpan: 60 hari.')
    await poll(() => counts.textContent()).toContain('lebih dari 60 hari')

    await counts.getByRole('listitem').filter({ hasText: 'menyalahi pola nama' }).getByRole('link').click()
    await page.getByRole('heading', { level: 1, name: 'Akun yang menyalahi pola nama' }).waitFor()
    const list = page.getByTestId('attention-list')
    await poll(() => list.textContent()).toContain('dinkes_official')
    expect(await list.textContent()).toContain('humas_dinkes')
    await expectAccessible('attention list')
    await shot('02-attention-list')
  })

  it('removes a national holiday after asking, keeps it listed by name, and restores it', async () => {
    await page.goto(`${baseUrl}/calendar`)
    await page.getByRole('heading', { level: 1, name: 'Kalender hari kerja' }).waitFor()
    await page.getByRole('button', { name: /^Hapus Hari Kemerdekaan/ }).click()
    await confirmDialog('Jadikan hari kerja', 'remove a national holiday')
    await toast(/dihapus; tetap tampil di daftar/)
    const removed = page.getByRole('row').filter({ hasText: 'Dihapus: Hari Kemerdekaan' })
    await removed.waitFor()
    expect(await removed.textContent()).toContain('Dihapus instansi')
    await expectAccessible('calendar with a removed national holiday')
    await shot('03-calendar-removed-holiday')
    await removed.getByRole('button', { name: /^Pulihkan/ }).click()
    await toast(/dipulihkan sesuai tabel nasional/)
    await poll(() => removed.count()).toBe(0)
  })

  it('adds a replacement working day and a libur daerah, each named as what it is', async () => {
    await page.getByRole('button', { name: 'Tambah hari libur' }).click()
    let form = page.getByRole('region', { name: 'Tambah hari libur' })
    await form.getByLabel('Tanggal').fill(`5 Desember ${thisYear}`)
    await page.keyboard.press('Escape')
    await form.getByLabel('Keterangan').fill('Pengganti cuti bersama')
    await form.getByLabel('Jenis').selectOption('working_day')
    await expectAccessible('day form for a replacement working day')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await toast(`Hari kerja pengganti ditambahkan: 5 Desember ${thisYear}.`)
    await shot('04-calendar-replacement-toast', { fullPage: false })

    await page.getByRole('button', { name: 'Tambah hari libur' }).click()
    form = page.getByRole('region', { name: 'Tambah hari libur' })
    await form.getByLabel('Tanggal').fill(`9 Desember ${thisYear}`)
    await page.keyboard.press('Escape')
    await form.getByLabel('Keterangan').fill('Hari Jadi Kota Contoh')
    await form.getByLabel('Jenis').selectOption('regional_holiday')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await toast(`Libur daerah 9 Desember ${thisYear} disimpan.`)
    const row = page.getByRole('row').filter({ hasText: 'Hari Jadi Kota Contoh' })
    await poll(() => row.textContent()).toContain('Libur daerah')
    await expectAccessible('calendar with local days')
    await shot('05-calendar-local-days')
  })

  it('computes a deadline with the days it skipped, provisional into next year', async () => {
    await page
      .getByRole('navigation', { name: 'Bagian kalender' })
      .getByRole('link', { name: 'Hitung tenggat' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Hitung tenggat' }).waitFor()
    await page.getByLabel('Tanggal diterima').fill(`21 Desember ${thisYear}`)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'UU KIP: pemberitahuan tertulis (10)' }).click()
    const due = page.getByTestId('deadline-due')
    await due.waitFor()
    expect(await due.textContent()).toMatch(new RegExp(`^Jatuh tempo .* ${nextYear}$`))
    await page
      .locator('[data-tone="warning"]')
      .filter({ hasText: /^Peringatan: Sementara/ })
      .waitFor()
    const skipped = page.getByRole('table', { name: /^Hari yang dilewati/ })
    expect(await skipped.textContent()).toContain('Libur mingguan')
    await expectAccessible('deadline with a provisional result')
    await shot('06-deadline-provisional')
  })

  it('saves the calendar settings', async () => {
    await page
      .getByRole('navigation', { name: 'Bagian kalender' })
      .getByRole('link', { name: 'Pengaturan kalender' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Pengaturan kalender' }).waitFor()
    await page.getByRole('switch', { name: /Hitung cuti bersama/ }).check({ force: true })
    await page.getByLabel('Sabtu').uncheck()
    await expectAccessible('calendar settings')
    await shot('07-calendar-settings')
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click()
    await toast('Pengaturan kalender disimpan.')
    // Back to the defaults, so the other steps count as rules.md does.
    await page.getByRole('switch', { name: /Hitung cuti bersama/ }).uncheck({ force: true })
    await page.getByLabel('Sabtu').check()
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click()
    await poll(() =>
      page.getByRole('status').filter({ hasText: 'Pengaturan kalender disimpan.' }).count(),
    ).toBeGreaterThan(0)
  })

  it("imports next year's table: errors per row first, then the corrected file is saved", async () => {
    await page.goto(`${baseUrl}/calendar/import?year=${nextYear}`)
    await page.getByRole('heading', { level: 1, name: 'Impor tabel hari libur' }).waitFor()
    const broken = [
      'tanggal;jenis;keterangan',
      `01/01/${nextYear};libur nasional;Tahun Baru Masehi`,
      `31/02/${nextYear};libur nasional;Tanggal mustahil`,
      `17/08/${nextYear};libur panjang;Hari Kemerdekaan`,
    ].join('\n')
    await page
      .getByLabel('Pilih berkas CSV…')
      .setInputFiles({ name: 'libur.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) })
    const errors = page.getByRole('table', { name: 'Baris yang perlu diperbaiki' })
    await errors.waitFor()
    expect(await errors.textContent()).toContain('tidak dikenali')
    expect(await page.getByRole('button', { name: /^Simpan tabel/ }).count()).toBe(0)
    await expectAccessible('import with row errors')
    await shot('08-import-errors')

    const fixed = [
      'tanggal;jenis;keterangan',
      `01/01/${nextYear};libur nasional;Tahun Baru Masehi`,
      `17/08/${nextYear};libur nasional;Hari Kemerdekaan`,
    ].join('\n')
    await page
      .getByLabel('Pilih berkas lain')
      .setInputFiles({ name: 'libur.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) })
    await poll(() => page.getByTestId('import-counts').textContent()).toBe(
      '2 baris data: 2 baru, 0 diubah, 0 tidak berubah.',
    )
    await expectAccessible('import preview')
    await shot('09-import-preview')
    await page.getByRole('button', { name: `Simpan tabel ${nextYear}` }).click()
    await toast(`Tabel ${nextYear} diimpor: 2 baru, 0 diubah.`)
    // The year now has a table: the warning is gone from the home page.
    await page.goto(baseUrl)
    await page.getByTestId('attention-counts').waitFor()
    expect(await page.locator('[data-tone="warning"]').count()).toBe(0)
  })

  it('gives a unit a kind from the list and one of its own', async () => {
    await page.goto(`${baseUrl}/units`)
    await page.getByRole('heading', { level: 1, name: 'Unit kerja' }).waitFor()
    await page.getByLabel('Nama unit', { exact: true }).fill('Kantor Pelayanan Pajak Daerah')
    await page.getByLabel('Kode unit').fill('KPPD')
    await page.getByLabel('Jenis unit').selectOption('kantor_pelayanan')
    await page.getByRole('button', { name: 'Tambah', exact: true }).click()
    await toast('Unit Kantor Pelayanan Pajak Daerah ditambahkan.')
    const row = page.getByTestId('unit-tree').getByRole('row').filter({ hasText: 'KPPD' })
    await poll(() => row.textContent()).toContain('Kantor pelayanan')
    await page.getByRole('button', { name: 'Ubah unit Dinas Kesehatan' }).click()
    const panel = page.getByRole('region', { name: 'Ubah unit Dinas Kesehatan' })
    await panel.getByLabel('Jenis unit').selectOption('lainnya')
    await panel.getByLabel('Jenis lain').fill('Dinas Daerah')
    await panel.getByRole('button', { name: 'Simpan' }).click()
    await toast('Unit disimpan.')
    const dinkes = page.getByTestId('unit-tree').getByRole('row').filter({ hasText: 'DINKES' })
    await poll(() => dinkes.textContent()).toContain('Dinas Daerah')
    await expectAccessible('units with kinds')
    await shot('10-units-kinds')
  })

  it('fits every page of these journeys on a phone and passes axe there', async () => {
    await page.setViewportSize(PHONE)
    const visits: { path: string; title: string | RegExp }[] = [
      { path: '/', title: /^Selamat datang/ },
      { path: '/attention/credential_rotation', title: /^Kata sandi akun belum diganti/ },
      { path: '/calendar', title: 'Kalender hari kerja' },
      { path: '/calendar/deadline', title: 'Hitung tenggat' },
      { path: '/calendar/settings', title: 'Pengaturan kalender' },
      { path: '/calendar/import', title: 'Impor tabel hari libur' },
      { path: '/units', title: 'Unit kerja' },
    ]
    for (const [index, visit] of visits.entries()) {
      await page.goto(`${baseUrl}${visit.path}`)
      await page.getByRole('heading', { level: 1, name: visit.title }).waitFor()
      await page.waitForLoadState('networkidle')
      expect(await sideways(), `${visit.path} scrolls sideways on a phone`).toEqual([])
      await expectAccessible(`${visit.path} on a phone`)
      await shot(`2${index}-phone${visit.path === '/' ? '-home' : visit.path.replaceAll('/', '-')}`)
    }
    await page.goto(`${baseUrl}/calendar/deadline`)
    await page.getByRole('button', { name: 'UU KIP: dengan perpanjangan (17)' }).click()
    await page.getByTestId('deadline-due').waitFor()
    expect(await sideways(), 'deadline result').toEqual([])
    await expectAccessible('deadline result on a phone')
    await shot('30-phone-deadline-result')
    expect(pageErrors, 'uncaught errors in the web app').toEqual([])
  })
})
