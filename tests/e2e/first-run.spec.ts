// The first-run journey in a real browser against the real server: wizard → 2FA enrolment → recovery codes →
// two units → a pengelola user (password reset, shown once) → an account that breaks the naming pattern is
// flagged → the pengelola signs in, sets a new password and is refused the admin pages → the admin (back in with a
// recovery code) sees every step in the audit log, and the chain verifies. Then every page on a phone (390×844):
// nothing scrolls sideways, and axe finds no serious or critical problem on any page or dialog.
// Screenshots of the key pages and states land in test-results/screenshots/.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import { pino } from 'pino'
import * as OTPAuth from 'otpauth'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { verifyAuditLog } from '../../src/features/audit/verify-audit-log.ts'
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
// Generous waits: in CI the journey shares two cores with the integration suites.
const WAIT_MS = 15_000
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: WAIT_MS, interval: 100 })
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }

const admin = { name: 'Sari Wulandari', email: 'sari@kotacontoh.go.id', password: 'Kata-sandi-admin-2026!' }
/** The account's penanggung jawab: an official holding that role on Dinas Kesehatan. */
const official = { name: 'Rina Kartika', email: 'rina@kotacontoh.go.id' }
const operator = {
  name: 'Budi Santoso',
  email: 'budi@kotacontoh.go.id',
  password: 'Kata-sandi-pengelola-2026',
}

let context: AppContext
let app: FastifyInstance
let jobs: JobRunner
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let totpSecret = ''
let recoveryCodes: string[] = []
let operatorTemporaryPassword = ''
/** Uncaught errors in the web app; the journey ends by checking there were none. */
const pageErrors: string[] = []

async function shot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // A full-page picture of a scrolled page draws the fixed header and navigation where the scroll left them.
  if (options.fullPage ?? true)
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    )
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: options.fullPage ?? true })
}

async function expectAccessible(label: string): Promise<void> {
  const violations = await seriousAxeViolations(page)
  expect(violations, `axe on ${label}`).toEqual([])
}

async function openNav(label: string): Promise<void> {
  await page.locator('#main-nav').getByRole('link', { name: label }).click()
  await page.getByRole('heading', { level: 1, name: label }).waitFor()
}

async function signIn(email: string, password: string): Promise<void> {
  await page.getByLabel('Alamat e-mail').fill(email)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
}

/** Confirms the one open confirmation dialog with its named action. */
async function confirmDialog(action: string, label: string): Promise<void> {
  // The confirmation itself, not any dialog: the action may open the next one (the temporary password) at once.
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('button', { name: action, exact: true }) })
  await dialog.waitFor()
  await expectAccessible(`confirm dialog: ${label}`)
  await dialog.getByRole('button', { name: action, exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click()
  await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
}

function totpNow(): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(totpSecret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate()
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const logger = pino({ level: 'silent' })
  context = await createE2eContext({}, logger)
  ;({ app, baseUrl } = await serveE2eApp(context))
  // As in `warta start`: the CSV import runs as a background job.
  jobs = await startJobRunner(context, { relayIntervalMs: 200 })
  browser = await launchBrowser()
  // bypassCSP lets the test inject axe-core; the app itself runs under its strict CSP in production.
  // Reduced motion: axe then checks dialogs and notifications as they stand, not halfway through a fade-in.
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
    acceptDownloads: true,
  })
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

// A failed step leaves a picture of what the browser showed, next to the key-page screenshots.
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    await page.screenshot({
      path: `${SHOTS}failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
  }
})

afterAll(async () => {
  await browser?.close()
  await jobs?.close()
  await app?.close()
  await context?.close()
})

describe('first run in the browser', () => {
  it('walks the wizard: instansi, root unit and first admin', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Penyiapan pertama' }).waitFor()
    await expectAccessible('wizard step 1')
    await page.getByLabel('Nama instansi').fill('Pemerintah Kota Contoh')
    expect(await page.getByLabel('Kode singkat instansi').inputValue()).toBe('pemerintah-kota-contoh')
    await page.getByLabel('Kode singkat instansi').fill('kotacontoh')
    await shot('01-wizard-instansi')
    await page.getByRole('button', { name: 'Berikutnya' }).click()
    await page.getByLabel('Nama unit teratas').fill('Bagian Protokol dan Komunikasi Pimpinan')
    await page.getByLabel('Kode unit').fill('PROKOPIM')
    await page.getByRole('button', { name: 'Berikutnya' }).click()
    await page.getByLabel('Nama lengkap admin').fill(admin.name)
    await page.getByLabel('E-mail admin').fill(admin.email)
    await page.getByLabel('Kata sandi', { exact: true }).fill('pendek')
    await page.getByLabel('Ulangi kata sandi').fill('pendek')
    await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click()
    // The short password is caught on the spot, tied to its field.
    await poll(() => page.getByLabel('Kata sandi', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await expectAccessible('wizard step 3 with a field error')
    await shot('02-wizard-admin-error')
    await page.getByLabel('Kata sandi', { exact: true }).fill(admin.password)
    await page.getByLabel('Ulangi kata sandi').fill(admin.password)
    await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' }).waitFor()
  })

  it('enrols 2FA with the QR code and shows the recovery codes once', async () => {
    await page.getByRole('button', { name: 'Mulai aktivasi' }).click()
    const secret = page.getByTestId('totp-secret')
    await secret.waitFor()
    totpSecret = ((await secret.textContent()) ?? '').trim()
    expect(totpSecret).toMatch(/^[A-Z2-7]+=*$/)
    await poll(() =>
      page.locator('img.qr').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0)
    await expectAccessible('2FA enrolment')
    await shot('03-two-factor-enrol')
    await page.getByLabel('Kode 6 angka').fill(totpNow())
    await page.getByRole('button', { name: 'Aktifkan' }).click()
    await page.getByTestId('recovery-codes').waitFor()
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((code) =>
      code.trim(),
    )
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(8)
    await shot('04-recovery-codes')
    await page.getByRole('button', { name: 'Saya sudah menyimpannya, lanjutkan' }).click()
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` }).waitFor()
    await expectAccessible('home (admin)')
    await shot('05-home-admin')
  })

  it('creates two units under the root unit', async () => {
    await openNav('Unit kerja')
    for (const unit of [
      { name: 'Dinas Kesehatan', code: 'DINKES' },
      { name: 'Dinas Pendidikan', code: 'DISDIK' },
    ]) {
      await page.getByLabel('Nama unit', { exact: true }).fill(unit.name)
      await page.getByLabel('Kode unit').fill(unit.code)
      await page.getByRole('button', { name: 'Tambah', exact: true }).click()
      await page
        .getByRole('status')
        .filter({ hasText: `Unit ${unit.name} ditambahkan.` })
        .waitFor()
    }
    const tree = page.getByTestId('unit-tree')
    await poll(() => tree.textContent()).toContain('DINKES')
    expect(await tree.textContent()).toContain('DISDIK')

    // Rename one unit and move it below the other; the tree shows the new place.
    await page.getByRole('button', { name: 'Ubah unit Dinas Pendidikan' }).click()
    const panel = page.getByRole('region', { name: 'Ubah unit Dinas Pendidikan' })
    await panel.getByLabel('Nama unit').fill('Dinas Pendidikan dan Kebudayaan')
    await panel.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('status').filter({ hasText: 'Unit disimpan.' }).waitFor()
    const moved = page.getByRole('region', { name: 'Ubah unit Dinas Pendidikan dan Kebudayaan' })
    await moved.getByLabel('Pindahkan ke bawah').selectOption({ label: '— Dinas Kesehatan (DINKES)' })
    await moved.getByRole('button', { name: 'Pindahkan' }).click()
    await page.getByRole('status').filter({ hasText: 'Unit dipindahkan.' }).waitFor()
    // The moved unit is indented under its new parent, which its row names.
    const movedRow = tree.getByRole('row').filter({ hasText: 'Dinas Pendidikan dan Kebudayaan' })
    await poll(() => movedRow.textContent()).toContain('Dinas Kesehatan')
    const names = await tree.locator('tbody tr td:first-child').allTextContents()
    expect(names.map((name) => name.replace('└', '').trim())).toEqual([
      'Bagian Protokol dan Komunikasi Pimpinan',
      'Dinas Kesehatan',
      'Dinas Pendidikan dan Kebudayaan',
    ])
    await expectAccessible('units with the edit panel')
    await shot('06-units')
    await moved.getByRole('button', { name: 'Tutup' }).click()
  })

  it('creates a pengelola user on one unit', async () => {
    await openNav('Pengguna & peran')
    await page.getByLabel('Nama', { exact: true }).fill(operator.name)
    await page.getByLabel('E-mail', { exact: true }).fill(operator.email)
    await page.getByLabel('Kata sandi awal').fill(operator.password)
    await page.getByLabel('Peran', { exact: true }).selectOption('pengelola')
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: '— Dinas Kesehatan (DINKES)' })
    await page.getByRole('button', { name: 'Tambah pengguna' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Pengguna ${operator.name} ditambahkan.` })
      .waitFor()
    const row = page.getByRole('row').filter({ hasText: operator.email })
    await poll(() => row.textContent()).toContain('Pengelola — Dinas Kesehatan')
    await expectAccessible('users')
    await shot('07-users')

    // Resetting the password asks first, then shows the temporary password once, with Copy and Download.
    await row.getByRole('button', { name: `Kelola ${operator.name}` }).click()
    const panel = page.getByRole('region', { name: `Kelola ${operator.name}` })
    await panel.getByRole('button', { name: 'Atur ulang kata sandi' }).click()
    await shot('07a-confirm-reset-password', { fullPage: false })
    await confirmDialog('Atur ulang kata sandi', 'reset password')
    const secret = page.getByRole('dialog', { name: `Kata sandi sementara untuk ${operator.name}` })
    operatorTemporaryPassword = ((await secret.getByTestId('temporary-password').textContent()) ?? '').trim()
    expect(operatorTemporaryPassword.length).toBeGreaterThanOrEqual(12)
    expect(await secret.getByRole('button', { name: 'Salin' }).isVisible()).toBe(true)
    const download = page.waitForEvent('download')
    await secret.getByRole('button', { name: 'Unduh (.txt)' }).click()
    expect((await download).suggestedFilename()).toBe('warta-kata-sandi-sementara.txt')
    await expectAccessible('temporary password shown once')
    await shot('07b-temporary-password', { fullPage: false })
    await secret.getByRole('button', { name: 'Selesai' }).click()
    await secret.waitFor({ state: 'hidden' })
    await panel.getByRole('button', { name: 'Tutup' }).click()
  })

  it('sets a naming pattern and flags an account whose handle breaks it', async () => {
    await openNav('Pola nama akun')
    await page.getByLabel('Instagram').fill('humas_{unit}')
    await page.getByRole('button', { name: 'Simpan pola' }).click()
    await page.getByRole('status').filter({ hasText: 'Pola nama disimpan' }).waitFor()
    await expectAccessible('naming patterns')
    await shot('08-naming')

    // An account names a penanggung jawab holding that role on its unit: an official of Dinas Kesehatan.
    const created = await page.evaluate(async (person) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string }
      const units = (await (await fetch('/api/units')).json()) as { items: { id: string; code: string }[] }
      const dinkes = units.items.find((unit) => unit.code === 'DINKES')!
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ ...person, grants: [{ unitId: dinkes.id, role: 'penanggung_jawab' }] }),
      })
      return response.status
    }, official)
    expect(created).toBe(200)

    await openNav('Akun resmi')
    await page.getByRole('button', { name: 'Daftarkan akun' }).click()
    const form = page.locator('form').filter({ has: page.getByLabel(/^Nama akun/) })
    await form.getByLabel(/^Platform/).selectOption('instagram')
    await form.getByLabel(/^Nama akun/).fill('dinkes_official')
    await form.getByLabel(/^Unit/).selectOption({ label: '— Dinas Kesehatan (DINKES)' })
    // Saving without an accountable official: the API's field error appears under that field.
    await form.getByRole('button', { name: 'Simpan' }).click()
    const pj = form.getByLabel(/^Penanggung jawab/)
    await poll(() => pj.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible('account form with a field error')
    await shot('09-account-form-error')
    // Only the people holding the role on the unit are offered: the admin is not.
    expect(await pj.locator('option').allTextContents()).toEqual([
      '— Pilih —',
      `${official.name} (${official.email})`,
    ])
    await pj.selectOption({ label: `${official.name} (${official.email})` })
    await form.getByRole('button', { name: 'Tambah pengelola' }).click()
    const first = form.getByRole('group', { name: 'Pengelola 1' })
    await first.getByLabel(/^Pengguna/).selectOption({ label: `${operator.name} (${operator.email})` })
    await first.getByLabel('Nomor surat tugas').fill('800/123/PROKOPIM/2026')
    // Dates are typed as people write them and shown that way.
    await first.getByLabel('Tanggal surat tugas').fill('5 Januari 2026')
    await page.keyboard.press('Escape')
    await first.getByLabel('Nomor surat tugas').click()
    await poll(() => first.getByLabel('Tanggal surat tugas').inputValue()).toBe('5 Januari 2026')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('status').filter({ hasText: 'Akun dinkes_official didaftarkan.' }).waitFor()

    const accountRow = page
      .getByTestId('account-table')
      .getByRole('row')
      .filter({ hasText: 'dinkes_official' })
    await poll(() => accountRow.textContent()).toContain('Menyalahi pola')
    const report = page.getByTestId('naming-report')
    await poll(() => report.textContent()).toContain('dinkes_official')
    expect(await report.textContent()).toContain('humas_dinkes')
    await expectAccessible('accounts with the naming report')
    await shot('10-accounts-flagged')
  })

  it('imports accounts from CSV: checks the file first, shows the bad row by row and column, then imports the good one', async () => {
    const csv = [
      'platform,handle,unit_code,penanggung_jawab_email',
      `instagram,humas_disdik,DISDIK,${official.email}`,
      `instagram,humas_dinkes,NOPE,${official.email}`,
    ].join('\n')
    await page
      .getByLabel('Impor CSV…')
      .setInputFiles({ name: 'akun.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    const imported = page.getByTestId('account-import')
    // The job checks the file; the preview counts data rows, not the header.
    await poll(() => imported.textContent()).toContain('2 baris: 1 akun akan dibuat')
    const rows = page.getByRole('table', { name: 'Baris berkas yang akan diimpor' })
    await poll(() => rows.getByRole('row').filter({ hasText: 'NOPE' }).textContent()).toMatch(
      /^3Bermasalah.*unit_code Kode unit "NOPE" tidak ada/,
    )
    await page.getByRole('button', { name: 'Impor 1 akun' }).click()
    await poll(() => imported.textContent()).toContain('Impor selesai. 2 baris: 1 akun dibuat')
    const accountRow = page.getByTestId('account-table').getByRole('row').filter({ hasText: 'humas_disdik' })
    await poll(() => accountRow.textContent()).toContain('Sesuai')
    await expectAccessible('accounts after a CSV import')
    await shot('11-accounts-import')
    await signOut()
  })

  it('lets the pengelola in but refuses the admin pages, in the navigation and at the API', async () => {
    await expectAccessible('sign-in')
    await shot('12-sign-in')
    // The admin reset the password: the temporary one works once, and a new password is asked for first.
    await signIn(operator.email, operatorTemporaryPassword)
    await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor()
    await expectAccessible('forced password change')
    await shot('12a-forced-password-change')
    await page.getByLabel('Kata sandi saat ini').fill(operatorTemporaryPassword)
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(operator.password)
    await page.getByLabel('Ulangi kata sandi baru').fill(operator.password)
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${operator.name}` }).waitFor()
    const nav = page.locator('#main-nav')
    const links = await nav.getByRole('link').allTextContents()
    expect(links).toEqual(
      expect.arrayContaining(['Beranda', 'Unit kerja', 'Akun resmi', 'Kalender hari kerja', 'Profil saya']),
    )
    for (const adminPage of ['Pengguna & peran', 'Pola nama akun', 'Log audit'])
      expect(links).not.toContain(adminPage)
    await expectAccessible('home (pengelola)')
    await shot('13-home-pengelola')

    for (const path of ['/users', '/naming', '/audit']) {
      await page.goto(`${baseUrl}${path}`)
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor()
    }
    await shot('14-pengelola-refused')
    // Reads the pengelola may not make are refused or come back empty; every admin change is refused.
    const answers = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string }
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(path, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        return { status: response.status, body: (await response.json()) as { items?: unknown[] } }
      }
      return {
        users: await send('GET', '/api/users'),
        audit: await send('GET', '/api/audit'),
        createUser: await send('POST', '/api/users', { email: 'x@kotacontoh.go.id', name: 'X', grants: [] }),
        naming: await send('PUT', '/api/naming/patterns', { patterns: {} }),
      }
    })
    expect(answers.users.status, JSON.stringify(answers.users)).toBe(403)
    expect([answers.audit.status, answers.createUser.status, answers.naming.status]).toEqual([403, 403, 403])
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await signOut()
  })

  it('signs the admin back in with a recovery code and shows every step in the audit log', async () => {
    await signIn(admin.email, admin.password)
    await page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' }).waitFor()
    await expectAccessible('login code step')
    await page.getByRole('button', { name: 'Pakai kode pemulihan' }).click()
    await page.getByLabel('Kode pemulihan').fill(recoveryCodes[0]!)
    await page.getByRole('button', { name: 'Verifikasi' }).click()
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` }).waitFor()

    await openNav('Log audit')
    const table = page.getByTestId('audit-table')
    await table.waitFor()
    const text = (await table.textContent()) ?? ''
    // Every step by its name, never by its code (tests/e2e/audit-log.spec.ts looks at the page closely).
    for (const [action, label] of [
      ['instansi.create', 'Instansi dibuat'],
      ['unit.create', 'Unit kerja dibuat'],
      ['user.create', 'Pengguna ditambahkan'],
      ['naming.update', 'Pola nama akun diubah'],
      ['account.create', 'Akun resmi didaftarkan'],
      ['account.import', 'Akun resmi diimpor dari CSV'],
      ['auth.login', 'Masuk'],
      ['auth.logout', 'Keluar'],
      ['user.two_factor_enable', 'Verifikasi dua langkah diaktifkan'],
    ]) {
      expect(text, action).toContain(label)
      expect(text, action).not.toContain(action)
    }
    await expectAccessible('audit log')
    await shot('15-audit')

    const report = await verifyAuditLog(context.db)
    expect(report.breaks, JSON.stringify(report)).toEqual([])
    expect(report.entries).toBeGreaterThanOrEqual(10)
  })

  it('creates a personal API token that is shown once, lists the session, and revokes the token', async () => {
    await openNav('Profil saya')
    await page.getByLabel('Nama token').fill('skrip laporan')
    await page.getByRole('button', { name: 'Buat token' }).click()
    const token = ((await page.getByTestId('api-token').textContent()) ?? '').trim()
    expect(token).toMatch(/^wrt_/)
    const me = await fetch(`${baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    expect(await page.getByRole('table', { name: 'Sesi aktif' }).textContent()).toContain('Sesi ini')
    await expectAccessible('profile')
    await shot('16-profile-token')
    expect(await page.getByTestId('api-token').locator('xpath=ancestor::section[1]').textContent()).toContain(
      'Salin',
    )
    await page.getByRole('table', { name: 'Token API' }).getByRole('button', { name: 'Cabut' }).click()
    await confirmDialog('Cabut token', 'revoke token')
    await poll(() => page.getByRole('table', { name: 'Token API' }).count()).toBe(0)
    const after = await fetch(`${baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(after.status).toBe(401)
  })

  it('adds a holiday typed as people write dates, and removes it after confirming', async () => {
    await openNav('Kalender hari kerja')
    await page.getByRole('table', { name: /Hari libur dan cuti bersama/ }).waitFor()
    await page.getByRole('button', { name: 'Tambah hari libur' }).click()
    const form = page.getByRole('region', { name: 'Tambah hari libur' })
    await form.getByLabel('Tanggal').fill('21 Desember 2026')
    await page.keyboard.press('Escape')
    await form.getByLabel('Keterangan').fill('Hari Jadi Kota Contoh')
    await expectAccessible('calendar day form')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('status').filter({ hasText: 'Hari libur 21 Desember 2026 disimpan.' }).waitFor()
    const row = page.getByRole('row').filter({ hasText: 'Hari Jadi Kota Contoh' })
    await poll(() => row.textContent()).toContain('Senin, 21 Des 2026')
    await expectAccessible('calendar')
    await shot('17-calendar')
    await row.getByRole('button', { name: /^Hapus/ }).click()
    await confirmDialog('Jadikan hari kerja', 'remove a calendar day')
    await poll(() => row.count()).toBe(0)
  })

  it('shows an audit entry in a dialog and never writes a date in ISO form', async () => {
    await openNav('Log audit')
    const table = page.getByTestId('audit-table')
    await table.waitFor()
    const text = (await table.textContent()) ?? ''
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(text).toMatch(/\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4} \d{2}\.\d{2} WIB/)
    await table
      .getByRole('button', { name: /^Rincian/ })
      .first()
      .click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('heading', { name: 'Yang berubah' }).waitFor()
    await expectAccessible('audit entry dialog')
    await shot('18-audit-entry', { fullPage: false })
    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('fits every page on a phone: nothing scrolls sideways, and each page and panel passes axe', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/`)
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` }).waitFor()
    expect(await page.locator('#main-nav').isVisible(), 'the navigation folds away').toBe(false)
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.locator('#main-nav').getByRole('link', { name: 'Unit kerja' }).waitFor()
    await expectAccessible('phone menu open')
    await shot('20-phone-menu-open', { fullPage: false })
    await page.locator('#main-nav').getByRole('link', { name: 'Beranda' }).click()
    await poll(() => page.locator('#main-nav').isVisible()).toBe(false)

    const pages: { path: string; title: string; content?: string }[] = [
      { path: '/', title: `Selamat datang, ${admin.name}` },
      { path: '/units', title: 'Unit kerja', content: 'DINKES' },
      { path: '/users', title: 'Pengguna & peran', content: operator.email },
      { path: '/accounts', title: 'Akun resmi', content: 'dinkes_official' },
      { path: '/naming', title: 'Pola nama akun' },
      { path: '/calendar', title: 'Kalender hari kerja', content: 'Tahun Baru Masehi' },
      { path: '/audit', title: 'Log audit', content: 'Masuk' },
      { path: '/profile', title: 'Profil saya', content: 'Sesi ini' },
    ]
    for (const [index, visit] of pages.entries()) {
      await page.goto(`${baseUrl}${visit.path}`)
      await page.getByRole('heading', { level: 1, name: visit.title }).waitFor()
      // On a phone every list is a list of cards.
      if (visit.content) await page.getByRole('listitem').filter({ hasText: visit.content }).first().waitFor()
      expect(await sideways(), `${visit.path} scrolls sideways on a phone`).toEqual([])
      await expectAccessible(`${visit.path} on a phone`)
      await shot(`2${index + 1}-phone${visit.path === '/' ? '-home' : visit.path.replace('/', '-')}`)
    }

    // The panels and forms that open on a page fit too.
    await page.goto(`${baseUrl}/units`)
    await page.getByRole('button', { name: 'Ubah unit Dinas Kesehatan' }).click()
    await page.getByRole('region', { name: 'Ubah unit Dinas Kesehatan' }).waitFor()
    expect(await sideways(), 'unit edit panel').toEqual([])
    await expectAccessible('unit edit panel on a phone')
    await shot('30-phone-unit-edit')

    await page.goto(`${baseUrl}/users`)
    await page.getByRole('button', { name: `Kelola ${operator.name}` }).click()
    await page.getByRole('region', { name: `Kelola ${operator.name}` }).waitFor()
    expect(await sideways(), 'user panel').toEqual([])
    await expectAccessible('user panel on a phone')
    await page.getByRole('button', { name: 'Nonaktifkan' }).click()
    await page.getByRole('dialog').waitFor()
    expect(await sideways(), 'confirm dialog').toEqual([])
    await expectAccessible('confirm dialog on a phone')
    await shot('31-phone-confirm', { fullPage: false })
    await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })

    await page.goto(`${baseUrl}/accounts`)
    await page.getByRole('button', { name: 'Ubah akun dinkes_official' }).click()
    await page.getByRole('region', { name: 'Ubah akun dinkes_official' }).waitFor()
    expect(await sideways(), 'account form').toEqual([])
    await expectAccessible('account form on a phone')
    await shot('32-phone-account-form')

    await page.goto(`${baseUrl}/profile`)
    await page.getByLabel('Nama token').fill('ponsel')
    await page.getByRole('button', { name: 'Buat token' }).click()
    await page.getByTestId('api-token').waitFor()
    expect(await sideways(), 'API token shown once').toEqual([])
    await expectAccessible('API token on a phone')
    await shot('33-phone-token')
  })

  it('switches to English and keeps the choice across pages', async () => {
    await page.setViewportSize(DESKTOP)
    await page.goto(`${baseUrl}/calendar`)
    await page.getByRole('heading', { level: 1, name: 'Kalender hari kerja' }).waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Working-day calendar' }).waitFor()
    expect(await page.getByRole('table', { name: /Holidays and cuti bersama/ }).textContent()).toContain(
      'Thu, 1 Jan 2026',
    )
    await openNav('My profile')
    await expectAccessible('profile (English)')
    expect(pageErrors, 'uncaught errors in the web app').toEqual([])
    await shot('40-profile-english')
  })

  it("runs under the server's strict Content-Security-Policy (the other steps bypass it only to inject axe)", async () => {
    const strict = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' })
    try {
      const strictPage = await strict.newPage()
      const violations: string[] = []
      strictPage.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          violations.push(message.text())
      })
      const response = await strictPage.goto(baseUrl)
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
      await strictPage.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
      expect(violations).toEqual([])
    } finally {
      await strict.close()
    }
  })
})

/**
 * Whether the page scrolls sideways: the document wider than the window, with the elements sticking out on the
 * right named, so a failure says what to fix.
 */
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
