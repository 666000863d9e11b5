// Connecting an account through its platform's OAuth page in a real browser (issue #8): a small local HTTP server
// acts as the platform's authorize and token endpoints (tests/support/fake-oauth-platform.ts, registered through
// the registry's overrides under 'mastodon'); the browser leaves for the platform, consents, follows the redirect
// back through /api/oauth/callback to the accounts page, and sees the account's health: connected, the token's
// expiry, when to reconnect by, and what the missing permissions stop Warta from doing. Then in English. axe on
// the panel; screenshots at 1280 and 390 px in test-results/screenshots/ (oauth-).
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { getAccountConnection } from '../../src/db/account-connections-repository.ts'
import { accounts } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, signInWithCode } from '../support/e2e-office.ts'
import { fakeDefinitions, startFakePlatform, type FakePlatform } from '../support/fake-oauth-platform.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const PASSWORD = 'Kata-sandi-uji-oauth-2026'
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }
const admin = { name: 'Dewi Lestari', email: 'dewi@kotaoauth.go.id' }
const HANDLE = 'humas@mastodon.social'

let context: AppContext
let app: FastifyInstance
let fake: FakePlatform
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let totpSecret = ''
let instansiId = ''
let accountId = ''
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}oauth-${name}.png`, fullPage: true })
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function seed(): Promise<void> {
  const db = context.db
  const office = await seedOfficeWithAdmin(db, {
    slug: 'kotaoauth',
    name: 'Pemerintah Kota OAuth',
    admin,
    password: PASSWORD,
  })
  instansiId = office.instansiId
  totpSecret = office.totpSecret
  const root = office.rootUnitId
  const adminId = office.adminId
  const [account] = await db
    .insert(accounts)
    .values({
      instansiId,
      unitId: root,
      platform: 'mastodon',
      handle: HANDLE,
      handleDisplay: HANDLE,
      displayName: 'Humas Kota',
      url: 'https://mastodon.social/@humas',
      penanggungJawabUserId: adminId,
    })
    .returning()
  accountId = account!.id
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  // The platform grants fewer scopes than asked: no moderation and no direct messages.
  fake = await startFakePlatform({ grant: ['post.write', 'post.read', 'stats.read'] })
  const port = await freePort()
  context = await createE2eContext({
    WARTA_SANDBOX_FAULTS: 'false',
    PORT: String(port),
    WARTA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    WARTA_OAUTH_MASTODON_CLIENT_ID: 'fake-client',
    WARTA_OAUTH_MASTODON_CLIENT_SECRET: 'fake-secret',
  })
  await seed()
  ;({ app, baseUrl } = await serveE2eApp(context, {
    port,
    platforms: { connectors: fakeDefinitions('mastodon', fake) },
  }))
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
      path: `${SHOTS}failed-oauth-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
  await fake?.close()
})

describe('connecting an account through its platform in the browser', () => {
  it('leaves for the platform, comes back connected, and shows the token expiry and the missing permissions', async () => {
    await signInWithCode(page, baseUrl, admin, PASSWORD, totpSecret)

    await page.locator('#main-nav').getByRole('link', { name: 'Akun resmi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Akun resmi' }).waitFor()
    await page.getByRole('button', { name: `Sambungan akun ${HANDLE}` }).click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Belum terhubung').waitFor()
    await health.getByRole('button', { name: 'Hubungkan lewat Mastodon' }).click()

    // The platform consents at once and sends the browser back through the callback.
    await page.waitForURL(/\/accounts\?connection=.*oauth=connected/)
    await page.getByTestId('oauth-outcome').getByText('Akun terhubung lewat Mastodon.').waitFor()
    const back = page.getByTestId('connection-health')
    await back.getByText('Terhubung', { exact: true }).waitFor()
    await back.getByText(`sebagai ${fake.user.username}`).waitFor()
    expect(await page.getByTestId('connection-tokens').textContent()).toContain('Token akses berlaku sampai')
    expect(await page.getByTestId('connection-missing-features').textContent()).toContain(
      'menyembunyikan atau menghapus komentar, membaca pesan langsung',
    )
    const row = await getAccountConnection(context.db, instansiId, accountId)
    expect(row).toMatchObject({ state: 'connected', platformAccountId: fake.user.id })
    expect(row!.missingFeatures!.sort()).toEqual(['direct_messages', 'moderate'])
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('01-connected-id-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('02-connected-id-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })

  it('speaks English when chosen', async () => {
    await page.getByRole('button', { name: 'English' }).first().click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Connected', { exact: true }).waitFor()
    expect(await page.getByTestId('connection-tokens').textContent()).toContain('Access token valid until')
    expect(await page.getByTestId('connection-missing-features').textContent()).toContain(
      'hide or delete comments, read direct messages',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('03-connected-en-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('04-connected-en-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })
})
