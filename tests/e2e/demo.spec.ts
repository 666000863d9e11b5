// The wizard's demo path in a real browser against the real server: "Coba dengan data contoh" on an empty
// deployment → the sign-ins of every role shown once → the demo admin enrols 2FA → the shell says "Data contoh" →
// posts with history are there → the trainee signs in with his printed password, sees "Mode Latihan" and is offered
// only the sandbox account in the composer. Looked at on a desktop (1280) and a phone (390), in Indonesian and
// English; screenshots land in test-results/screenshots/demo-*.png.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as OTPAuth from 'otpauth'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
/** Building the demo takes half a minute on a quiet machine; more while other suites share the cores. */
const BUILD_WAIT_MS = 240_000
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let logins: { email: string; password: string; name: string }[] = []
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}demo-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext({ WARTA_SANDBOX_FAULTS: 'false' })
  ;({ app, baseUrl } = await serveE2eApp(context))
  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
  })
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)
    await page.screenshot({
      path: `${SHOTS}demo-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('the demo path of the first-run wizard', { timeout: BUILD_WAIT_MS + 60_000 }, () => {
  it('builds the demo and shows every sign-in once', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Penyiapan pertama' }).waitFor()
    await page.getByRole('heading', { name: 'Ingin melihat dulu?' }).waitFor()
    await expectAccessible('wizard with the demo offer')
    await shot('01-wizard-offer-desktop')
    await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
    await page.getByRole('heading', { name: 'Data contoh siap' }).waitFor({ timeout: BUILD_WAIT_MS })
    logins = []
    for (const card of await page.getByRole('listitem').all()) {
      const [email, password] = await card.locator('code').allTextContents()
      const name = (await card.locator('p').first().textContent()) ?? ''
      if (email && password) logins.push({ name, email, password })
    }
    expect(logins).toHaveLength(11)
    expect(logins.every((login) => login.password.length >= 12)).toBe(true)
    await expectAccessible('demo sign-ins')
    await shot('02-logins-desktop')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('02-logins-phone')
    await page.setViewportSize(DESKTOP)
    await page.getByRole('button', { name: 'Saya sudah menyalin, lanjutkan' }).click()
    // As after a normal setup: the admin enrols 2FA first.
    await page.getByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' }).waitFor()
  })

  it('signs the demo admin in behind 2FA and marks every page "Data contoh"', async () => {
    await page.getByRole('button', { name: 'Mulai aktivasi' }).click()
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim()
    const code = new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(secret),
      digits: 6,
      period: 30,
    }).generate()
    await page.getByLabel('Kode 6 angka').fill(code)
    await page.getByRole('button', { name: 'Aktifkan' }).click()
    await page.getByTestId('recovery-codes').waitFor()
    await page.getByRole('button', { name: 'Saya sudah menyimpannya, lanjutkan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Rina Wulandari' }).waitFor()
    const banner = page.getByTestId('demo-banner')
    expect(await banner.textContent()).toContain('Data contoh')
    expect(await page.getByText('Pemerintah Kabupaten Sukamaju').first().isVisible()).toBe(true)
    await expectAccessible('home of the demo')
    await shot('03-home-desktop-id')

    await page.locator('#main-nav').getByRole('link', { name: 'Pengguna & peran' }).click()
    await page.getByRole('heading', { level: 1, name: 'Pengguna & peran' }).waitFor()
    await page.getByRole('row').filter({ hasText: 'Dimas Pratama' }).getByText('Mode Latihan').waitFor()
    await shot('04-users-desktop-id')

    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('04-users-phone-id')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Users & roles' }).waitFor()
    expect(await page.getByTestId('demo-banner').textContent()).toContain('Demo data')
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('05-users-phone-en')
    await page.setViewportSize(DESKTOP)
    await shot('05-users-desktop-en')
    await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click()
    await page.getByRole('heading', { level: 1, name: 'Pengguna & peran' }).waitFor()
    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' }).waitFor()
  })

  it('lets the trainee in with his printed password, in Mode Latihan, offered only the sandbox', async () => {
    const dimas = logins.find((login) => login.name.startsWith('Dimas Pratama'))!
    await page.getByLabel('Alamat e-mail').fill(dimas.email)
    await page.getByLabel('Kata sandi', { exact: true }).fill(dimas.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.getByTestId('training-banner').waitFor()
    expect(await page.getByTestId('training-banner').textContent()).toContain('Mode Latihan')
    await page.getByRole('link', { name: 'Unggahan saya' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Unggahan saya' }).waitFor()
    await shot('06-trainee-posts-desktop-id')
    await page.getByTestId('new-post').click()
    await page.getByRole('heading', { level: 1, name: 'Tulis unggahan' }).waitFor()
    // The account choices are named "<platform> · <handle> (<unit>)": only the kecamatan's sandbox account.
    const targets = page.getByRole('checkbox', { name: / · / })
    await targets.first().waitFor()
    expect(await targets.count()).toBe(1)
    expect(
      (await targets.first().getAttribute('aria-label')) ??
        (await page.getByText(/ · kec\.cibeureum/).textContent()),
    ).toContain('kec.cibeureum')
    await expectAccessible('composer in Mode Latihan')
    await shot('07-trainee-composer-desktop-id')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('07-trainee-composer-phone-id')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors, 'uncaught errors in the web app').toEqual([])
  })
})
