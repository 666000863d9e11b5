// Choosing the Facebook Page in a real browser (issue #8): the fake platform (tests/support/fake-oauth-platform.ts,
// registered under 'facebook') gives a login that manages three postable Pages, one of them already connected to
// another account of the office. The browser leaves for the platform, comes back to the account with "pilih
// Halaman", sees the Pages (the one in use marked, without a button), then in English, chooses the Bupati's Page
// and sees the health: connected as that Page. axe on the panel; screenshots at 1280 and 390 px in
// test-results/screenshots/ (page-choice-).
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { getAccountConnection, saveConnected } from '../../src/db/account-connections-repository.ts'
import { accounts } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, signInWithCode } from '../support/e2e-office.ts'
import { fakeDefinitions, startFakePlatform, type FakePlatform } from '../support/fake-oauth-platform.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const PASSWORD = 'Kata-sandi-uji-halaman-2026'
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }
const admin = { name: 'Rina Wulandari', email: 'rina@kabhalaman.go.id' }
const HANDLE = 'humaskabhalaman'
const HELD_BY = 'pemkabhalaman'

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
  await page.screenshot({ path: `${SHOTS}page-choice-${name}.png`, fullPage: true })
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
    slug: 'kabhalaman',
    name: 'Pemerintah Kabupaten Halaman',
    admin,
    password: PASSWORD,
  })
  instansiId = office.instansiId
  totpSecret = office.totpSecret
  const row = (handle: string, displayName: string) => ({
    instansiId,
    unitId: office.rootUnitId,
    platform: 'facebook',
    handle,
    handleDisplay: handle,
    displayName,
    url: `https://www.facebook.com/${handle}`,
    penanggungJawabUserId: office.adminId,
  })
  const [account, holder] = await db
    .insert(accounts)
    .values([row(HANDLE, 'Humas Kabupaten'), row(HELD_BY, 'Pemkab Halaman')])
    .returning()
  accountId = account!.id
  // The Pemda's Page is already another account's: one Page, one account.
  await saveConnected(db, {
    accountId: holder!.id,
    instansiId,
    platform: 'facebook',
    credentials: 'v1.sealed-elsewhere',
    credentialsKeyId: 'k',
    platformAccountId: '2001',
    platformHandle: 'pemkabhalaman',
    now: new Date(),
  })
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  fake = await startFakePlatform({
    pages: [
      {
        id: '2001',
        name: 'Pemerintah Kabupaten Halaman',
        username: 'pemkabhalaman',
        category: 'Government organization',
      },
      { id: '2002', name: 'Bupati Halaman', username: 'bupatihalaman', category: 'Politician' },
      {
        id: '2003',
        name: 'Dinas Komunikasi dan Informatika Kabupaten Halaman',
        category: 'Government organization',
      },
      { id: '2004', name: 'Halaman Analis Saja', postable: false },
    ],
  })
  const port = await freePort()
  context = await createE2eContext({
    WARTA_SANDBOX_FAULTS: 'false',
    PORT: String(port),
    WARTA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    WARTA_OAUTH_FACEBOOK_CLIENT_ID: 'fake-client',
    WARTA_OAUTH_FACEBOOK_CLIENT_SECRET: 'fake-secret',
  })
  await seed()
  ;({ app, baseUrl } = await serveE2eApp(context, {
    port,
    platforms: { connectors: fakeDefinitions('facebook', fake) },
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
      path: `${SHOTS}failed-page-choice-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
  await fake?.close()
})

describe('choosing the Facebook Page of a login that manages several, in the browser', () => {
  it('comes back from the login to choose a Page, the one in use marked', async () => {
    await signInWithCode(page, baseUrl, admin, PASSWORD, totpSecret)
    await page.locator('#main-nav').getByRole('link', { name: 'Akun resmi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Akun resmi' }).waitFor()
    await page.getByRole('button', { name: `Sambungan akun ${HANDLE}` }).click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Belum terhubung').waitFor()
    await health.getByRole('button', { name: 'Hubungkan lewat Facebook' }).click()

    await page.waitForURL(/\/accounts\?connection=.*oauth=choose_page&choice=/)
    await page
      .getByTestId('oauth-outcome')
      .getByText('Login Facebook ini mengelola beberapa Halaman.', { exact: false })
      .waitFor()
    const chooser = page.getByTestId('oauth-page-chooser')
    await chooser.getByText('Bupati Halaman').waitFor()
    const options = chooser.getByTestId('oauth-page-option')
    expect(await options.count()).toBe(3)
    const held = options.filter({ hasText: 'Pemerintah Kabupaten Halaman' })
    await held.getByText(`Sudah dipakai akun ${HELD_BY}`).waitFor()
    expect(await held.getByRole('button').count()).toBe(0)
    await options.filter({ hasText: 'Bupati Halaman' }).getByText('Politician · ID 2002').waitFor()
    expect(await getAccountConnection(context.db, instansiId, accountId)).toBeUndefined()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('01-choose-id-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('02-choose-id-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })

  it('speaks English when chosen', async () => {
    await page.getByRole('button', { name: 'English' }).first().click()
    await page
      .getByTestId('oauth-outcome')
      .getByText('This Facebook login manages several Pages.', { exact: false })
      .waitFor()
    const chooser = page.getByTestId('oauth-page-chooser')
    await chooser.getByText(`Already used by ${HELD_BY}`).waitFor()
    await chooser.getByRole('button', { name: 'Choose this Page: Bupati Halaman' }).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('03-choose-en-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('04-choose-en-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })

  it('connects the chosen Page and shows the health', async () => {
    await page.getByRole('button', { name: 'Choose this Page: Bupati Halaman' }).click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Connected', { exact: true }).waitFor()
    await health.getByText('as bupatihalaman').waitFor()
    await page.getByTestId('oauth-outcome').getByText('The account is connected through Facebook.').waitFor()
    expect(await page.getByTestId('oauth-page-chooser').count()).toBe(0)
    // The used choice is no longer in the address: a reload does not ask again.
    await page.waitForURL((url) => !url.search.includes('choice='))
    expect(await getAccountConnection(context.db, instansiId, accountId)).toMatchObject({
      state: 'connected',
      platformAccountId: '2002',
    })
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('05-connected-en-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('06-connected-en-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })
})
