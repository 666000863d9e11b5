// The hoax knowledge base in a real browser against the real server: a penanggung jawab adds a claim (the label as
// a choice, facts, sources, a variant), finds it by a variant's word, changes it, imports a CSV (row errors by
// row and column first, nothing saved, then the fixed file), exports it, and archives a claim after confirming;
// a pengelola sees the list without the controls. Every state is checked with axe, and at phone width (390×844)
// for sideways scrolling. Screenshots land in test-results/screenshots/ (prefix h-).
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { units } from '../../src/db/schema/index.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../support/fixtures.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let pjSession: BrowserContext
let page: Page
let pengelolaCookie: string
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  // From the top, so the sticky header is not drawn across the middle of a full-page picture.
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}h-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

async function toast(text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

async function atPhoneWidth(name: string): Promise<void> {
  await page.setViewportSize(PHONE)
  await page.waitForTimeout(300)
  expect(await sidewaysOverflow(page), `sideways scroll on ${name}`).toEqual([])
  await expectAccessible(`${name} at phone width`)
  await shot(`${name}-phone`)
  await page.setViewportSize(DESKTOP)
}

async function seed(db: AppContext['db']) {
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  await db.update(units).set({ name: 'Sekretariat Daerah' }).where(eq(units.id, owner.rootUnit.id))
  const dinkes = await createTestUnit(db, owner, owner.rootUnit, 'DINKES')
  await db.update(units).set({ name: 'Dinas Kesehatan', kind: 'dinas' }).where(eq(units.id, dinkes.id))
  const secret = generateTotpSecret()
  const pj = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
    email: 'rina@kotacontoh.go.id',
    totpSecret: secret,
  })
  const pengelola = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  return { pj: { ...pj, totpSecret: secret }, pengelola }
}

async function sessionWith(cookie: string): Promise<BrowserContext> {
  const session = await newOfficeSession(browser, {
    viewport: DESKTOP,
    acceptDownloads: true,
  })
  const [name, value] = cookie.split('=') as [string, string]
  await session.addCookies([{ name, value, url: baseUrl }])
  return session
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(context))
  const { pj, pengelola } = await seed(context.db)
  const login = await loginAs(app, pj)
  pengelolaCookie = (await loginAs(app, pengelola)).cookie
  browser = await launchBrowser()
  pjSession = await sessionWith(login.cookie)
  page = await pjSession.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)
    await page.screenshot({
      path: `${SHOTS}h-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('the hoax knowledge base, in the browser', () => {
  it('lets the penanggung jawab add a claim, find it by a variant and change it', async () => {
    await page.goto(baseUrl)
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Basis pengetahuan hoaks' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Basis pengetahuan hoaks' }).waitFor()
    await page.getByText('Belum ada klaim yang cocok dengan saringan.').waitFor()
    await page.getByRole('button', { name: 'Tambah klaim' }).click()
    await page.getByRole('radio', { name: '[DISINFORMASI]' }).check()
    await page.getByLabel('Klaim yang beredar').fill('Vaksin campak di puskesmas mengandung chip pelacak 5G')
    await page
      .getByLabel('Fakta (klarifikasi)')
      .fill('Vaksin campak tidak mengandung chip; isinya antigen dan bahan penstabil yang diawasi BPOM.')
    await page
      .getByLabel('Sumber')
      .fill('Klarifikasi Dinkes | https://dinkes.kotacontoh.go.id/klarifikasi-vaksin')
    await page.getByLabel('Pertama muncul').fill('2026-11-02')
    await page.getByLabel('Tanggal klarifikasi').fill('2026-11-01')
    await page.getByLabel('Varian klaim').fill('Imunisasi campak ditanami microchip untuk melacak warga')
    await page.getByLabel('Kata kunci').fill('vaksin, chip')
    await page.getByRole('button', { name: 'Simpan' }).click()
    // The dates are checked on the server and the problem is shown at the field.
    await page
      .getByText('Tanggal klarifikasi tidak boleh sebelum tanggal klaim pertama muncul.')
      .first()
      .waitFor()
    await expectAccessible('claim form with a field error')
    await shot('01-form-error')
    await page.getByLabel('Tanggal klarifikasi').fill('2026-11-03')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await toast('Klaim ditambahkan.')
    const table = page.getByTestId('hoax-claims')
    await table.getByText('Vaksin campak di puskesmas mengandung chip pelacak 5G').waitFor()
    expect(await table.textContent()).toContain('[DISINFORMASI]')

    await page.getByLabel('Cari').fill('microchip')
    await table.getByText('Vaksin campak di puskesmas').waitFor()
    await page.getByRole('button', { name: /^Ubah klaim: Vaksin campak/ }).click()
    await page.getByRole('radio', { name: '[HOAKS]' }).check()
    await page.getByRole('button', { name: 'Simpan' }).click()
    await toast('Klaim diubah.')
    await expect.poll(() => table.textContent(), { timeout: WAIT_MS }).toContain('[HOAKS]')
    await page.getByLabel('Cari').fill('')
    await expectAccessible('the knowledge base with one claim')
    await shot('02-list')
    await atPhoneWidth('02-list')
  })

  it('previews a CSV import with row errors saving nothing, then saves the fixed file and exports it', async () => {
    await page.goto(`${baseUrl}/hoax`)
    await page.getByRole('heading', { level: 1, name: 'Basis pengetahuan hoaks' }).waitFor()
    const broken = [
      'label;klaim;fakta;sumber;tanggal_muncul;kode_unit;varian;kata_kunci',
      '[HOAKS];Bansos tunai dihentikan mulai Desember;Bansos tetap disalurkan sesuai jadwal.;Siaran pers | https://kotacontoh.go.id/bansos;02/11/2026;DINKES;;bansos',
      'gosip;Air PDAM tercemar limbah pabrik;;bukan alamat;31/02/2026;TIDAK-ADA;;',
    ].join('\n')
    await page
      .getByLabel('Pilih berkas CSV…')
      .setInputFiles({ name: 'klaim.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) })
    const errors = page.getByTestId('hoax-import-errors')
    await errors.waitFor()
    const errorText = await errors.textContent()
    expect(errorText).toContain('Label "gosip" tidak dikenal')
    expect(errorText).toContain('kode_unit')
    expect(await page.getByRole('button', { name: /^Simpan \d+ klaim/ }).count()).toBe(0)
    await expectAccessible('import with row errors')
    await shot('03-import-errors')
    await atPhoneWidth('03-import-errors')

    const fixed = broken.replace(
      'gosip;Air PDAM tercemar limbah pabrik;;bukan alamat;31/02/2026;TIDAK-ADA;;',
      'Misinformasi;Air PDAM tercemar limbah pabrik;Hasil uji laboratorium menyatakan air layak minum.;;04/11/2026;;;pdam',
    )
    await page
      .getByLabel('Pilih berkas lain')
      .setInputFiles({ name: 'klaim-benar.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) })
    await page.getByTestId('hoax-import-counts').filter({ hasText: '2 baru' }).waitFor()
    await shot('04-import-preview')
    await page.getByRole('button', { name: 'Simpan 2 klaim' }).click()
    await toast('Klaim diimpor: 2 baru, 0 diubah.')
    const table = page.getByTestId('hoax-claims')
    await table.getByText('Air PDAM tercemar limbah pabrik').waitFor()

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Ekspor CSV' }).click()
    const file = await download
    const exported = readFileSync(await file.path(), 'utf8')
    expect(exported).toContain('[MISINFORMASI]')
    expect(exported).toContain('Siaran pers | https://kotacontoh.go.id/bansos')
  })

  it('archives a claim only after confirming, and shows it under the archived filter', async () => {
    await page.goto(`${baseUrl}/hoax`)
    const table = page.getByTestId('hoax-claims')
    await table.getByText('Air PDAM tercemar limbah pabrik').waitFor()
    await page.getByRole('button', { name: /^Arsipkan klaim: Air PDAM/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await expectAccessible('archive confirmation')
    await shot('05-archive-confirm')
    await dialog.getByRole('button', { name: 'Arsipkan', exact: true }).click()
    await toast('Klaim diarsipkan.')
    await expect.poll(() => table.textContent(), { timeout: WAIT_MS }).not.toContain('Air PDAM')
    await page.getByLabel('Status').selectOption('archived')
    await table.getByText('Air PDAM tercemar limbah pabrik').waitFor()
    await page.getByRole('button', { name: 'Pulihkan' }).waitFor()
  })

  it('shows a pengelola the list without the controls to change it', async () => {
    const session = await sessionWith(pengelolaCookie)
    const own = await session.newPage()
    own.setDefaultTimeout(WAIT_MS)
    await own.goto(`${baseUrl}/hoax`)
    await own.getByTestId('hoax-claims').getByText('Vaksin campak di puskesmas').waitFor()
    expect(await own.getByRole('button', { name: 'Tambah klaim' }).count()).toBe(0)
    expect(await own.getByRole('button', { name: /^Arsipkan/ }).count()).toBe(0)
    expect(await own.getByText('Impor CSV').count()).toBe(0)
    expect(await seriousAxeViolations(own), 'axe on the pengelola view').toEqual([])
    await own.screenshot({ path: `${SHOTS}h-06-pengelola.png`, fullPage: true })
    await session.close()
    expect(pageErrors).toEqual([])
  })
})
