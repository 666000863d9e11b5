// The identity journeys in a real browser against the real server, with a real SMTP server and the job runner:
// "Lupa kata sandi?" → the mail arrives → its link opens the reset page → the strength meter refuses a common
// password and accepts a passphrase → the new password signs in. A person held at the forced password change
// signs out from there. The admin searches users, edits one, and reads what each role may do. Every new page and
// state is checked at phone width (390×844: nothing scrolls sideways) and with axe.
// Screenshots land in test-results/screenshots/identity-*.png.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as OTPAuth from 'otpauth'
import { SMTPServer } from 'smtp-server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/app.ts'
import { parseConfig } from '../../src/config.ts'
import type { AppContext } from '../../src/context.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser, type TestInstansi } from '../support/fixtures.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: WAIT_MS, interval: 200 })
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const NEW_PASSWORD = 'Batik-kopi-sawah-di-Bogor-77'

const inbox: { to: string[]; raw: string }[] = []
let smtp: SMTPServer
let context: AppContext
let runner: JobRunner
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let owner: TestInstansi
let operator: { id: string; email: string; password: string }
let admin: { id: string; email: string; password: string; secret: string }
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  // A full-page picture of a scrolled page draws the fixed header where the scroll left it.
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}identity-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

/** At phone width: nothing wider than the window, axe clean, a picture; then back to the desktop size. */
async function checkOnPhone(label: string, name: string): Promise<void> {
  await page.setViewportSize(PHONE)
  expect(await sideways(), `${label} scrolls sideways on a phone`).toEqual([])
  await expectAccessible(`${label} on a phone`)
  await shot(`${name}-phone`)
  await page.setViewportSize(DESKTOP)
}

function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

function totpNow(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate()
}

async function signIn(email: string, password: string): Promise<void> {
  await page.getByLabel('Alamat e-mail').fill(email)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, smtpSession, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          to: smtpSession.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const smtpPort = (smtp.server.address() as AddressInfo).port

  const bootstrap = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(bootstrap))
  await app.close()
  // The reset link must point at this server: the public URL is known only once it listens, so listen again.
  const port = new URL(baseUrl).port
  context = {
    ...bootstrap,
    config: parseConfig({
      WARTA_DATA_DIR: '/tmp/warta-e2e-unused',
      LOG_LEVEL: 'silent',
      PORT: port,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMTP_FROM: 'Warta Kota Contoh <warta@kotacontoh.go.id>',
    }),
  }
  app = await buildApp(context, { serveWeb: true })
  baseUrl = await app.listen({ host: '127.0.0.1', port: Number(port) })
  runner = await startJobRunner(context, { relayIntervalMs: 300 })

  owner = await createTestInstansi(context.db, 'Pemerintah Kota Contoh')
  const unit = await createTestUnit(context.db, owner, owner.rootUnit, 'DINKES')
  operator = await createTestUser(context.db, owner, [{ unitId: unit.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  const secret = generateTotpSecret()
  admin = {
    ...(await createTestUser(context.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
      email: 'sari@kotacontoh.go.id',
      totpSecret: secret,
    })),
    secret,
  }

  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
  })
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({
      path: `${SHOTS}identity-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await runner?.close()
  await app?.close()
  await context?.close()
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
})

describe('identity in the browser', () => {
  it('mails a reset link from "Lupa kata sandi?" and sets a new password through it', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
    await page.getByLabel('Alamat e-mail').fill(operator.email)
    await page.getByRole('button', { name: 'Lupa kata sandi?' }).click()
    await page.getByRole('heading', { level: 1, name: 'Lupa kata sandi' }).waitFor()
    await expectAccessible('forgotten password')
    await shot('01-forgot')
    await checkOnPhone('forgotten password', '01-forgot')
    await page.getByRole('button', { name: 'Kirim tautan atur ulang' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'tautan untuk membuat kata sandi baru sudah dikirim' })
      .waitFor()
    await expectAccessible('reset link requested')
    await shot('02-forgot-sent')

    await poll(() => inbox.filter((mail) => mail.to.includes(operator.email)).length).toBe(1)
    const body = bodyOf(inbox.find((mail) => mail.to.includes(operator.email))!.raw)
    const link = /(http:\/\/\S+\/reset-password#token=[A-Za-z0-9_-]+)/.exec(body)?.[1]
    expect(link, body).toBeDefined()

    await page.goto(link!)
    await page.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' }).waitFor()
    expect(page.url()).not.toContain('token=')
    const field = page.getByLabel('Kata sandi baru', { exact: true })
    await field.fill('password1234')
    const meter = page.getByTestId('password-strength')
    await poll(() => meter.textContent()).toContain('Ini mirip kata sandi yang umum dipakai.')
    await expectAccessible('reset page with a weak password')
    await shot('03-reset-weak')
    await checkOnPhone('reset page with a weak password', '03-reset-weak')
    await field.fill(NEW_PASSWORD)
    await poll(() => meter.textContent()).toContain('Dapat diterima.')
    await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD)
    await shot('04-reset-strong')
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kata sandi diganti' }).waitFor()
    await expectAccessible('password reset done')
    await page.getByRole('button', { name: 'Ke halaman masuk' }).click()
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
    await signIn(operator.email, NEW_PASSWORD)
    await page.getByRole('heading', { level: 1, name: /^Selamat datang/ }).waitFor()
    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
  })

  it('lets the admin search users, edit one, and read what each role may do', async () => {
    await page.goto(baseUrl)
    await signIn(admin.email, admin.password)
    await page.getByLabel('Kode autentikator').fill(totpNow(admin.secret))
    await page.getByRole('button', { name: 'Verifikasi' }).click()
    await page.getByRole('heading', { level: 1, name: /^Selamat datang/ }).waitFor()
    await page.goto(`${baseUrl}/users`)
    await page.getByRole('heading', { level: 1, name: 'Pengguna & peran' }).waitFor()
    const table = page.getByTestId('user-table')
    await poll(() => table.textContent()).toContain(operator.email)
    await page.getByLabel('Cari pengguna').fill('budi')
    await poll(async () => (await table.textContent())?.includes(admin.email)).toBe(false)
    expect(await table.textContent()).toContain(operator.email)

    // The role picker says what the chosen role may do and which rule binds it.
    await page.getByLabel('Peran', { exact: true }).selectOption('auditor')
    await poll(() => page.getByText(/Tidak boleh sekaligus memegang peran admin/).count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Penanggung jawab', exact: true }).click()
    await page.getByTestId('role-guide').getByText('Menyetujui unggahan', { exact: true }).waitFor()
    await expectAccessible('users with search and the role guide')
    await shot('05-users')

    await page.getByRole('button', { name: 'Kelola Pengguna budi@kotacontoh.go.id' }).click()
    const panel = page.getByRole('region', { name: 'Kelola Pengguna budi@kotacontoh.go.id' })
    await panel.getByLabel('Nama', { exact: true }).fill('Budi Santoso')
    await panel.getByRole('button', { name: 'Simpan' }).click()
    await page.getByRole('status').filter({ hasText: 'Data pengguna disimpan.' }).waitFor()
    await poll(() => table.textContent()).toContain('Budi Santoso')
    await expectAccessible('user panel with the details form')
    await shot('06-user-edit')
    await page.setViewportSize(PHONE)
    await page.getByRole('region', { name: 'Kelola Budi Santoso' }).waitFor()
    expect(await sideways(), 'users page with the panel on a phone').toEqual([])
    await expectAccessible('users page with the panel on a phone')
    await shot('06-user-edit-phone')
    await page.setViewportSize(DESKTOP)
  })

  it('holds a user whose password an admin typed at the change, with a way to sign out from there', async () => {
    // The admin creates a user with a password they typed: it must be changed at first sign-in.
    await page.getByRole('region', { name: 'Tambah pengguna' }).waitFor()
    const create = page.getByRole('region', { name: 'Tambah pengguna' })
    await create.getByLabel('Nama', { exact: true }).fill('Ani Lestari')
    await create.getByLabel('E-mail', { exact: true }).fill('ani@kotacontoh.go.id')
    await create.getByLabel('Kata sandi awal').fill('Kopi-tubruk-sore-hari-9')
    await create.getByLabel('Peran', { exact: true }).selectOption('analis')
    await create.getByRole('button', { name: 'Tambah pengguna' }).click()
    await page.getByRole('status').filter({ hasText: 'Pengguna Ani Lestari ditambahkan.' }).waitFor()
    await page.getByRole('banner').getByRole('button', { name: 'Keluar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()

    await signIn('ani@kotacontoh.go.id', 'Kopi-tubruk-sore-hari-9')
    await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor()
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('AniLestari2026')
    await poll(() => page.getByTestId('password-strength').textContent()).toContain('nama Anda')
    await expectAccessible('forced password change with a personal password')
    await shot('07-forced-change')
    await checkOnPhone('forced password change', '07-forced-change')
    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
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
