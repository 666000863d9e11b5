// Connecting a Mastodon account in a real browser against the real server, whose calls to the instance go to the
// fake Mastodon instance behind msw (src/connectors/mastodon/fixtures; any other request from this process fails):
// a wrong token is refused in words beside the field, the right one connects and the health shows the account as
// the instance names it. axe finds no serious or critical problem. Screenshots in test-results/screenshots/ (m…).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { getAccountConnection } from '../../src/db/account-connections-repository.ts'
import { setupServer } from 'msw/node'
import { INSTANCE } from '../../src/connectors/mastodon/fixtures/entities.ts'
import { FakeInstance, TOKEN } from '../../src/connectors/mastodon/fixtures/fake-instance.ts'
import { accounts } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, signInWithCode } from '../support/e2e-office.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const PASSWORD = 'Kata-sandi-uji-sambungan-2026'
const admin = { name: 'Sari Wulandari', email: 'sari@kotasambung.go.id' }
const HANDLE = 'humas@social.example.go.id'
const fake = new FakeInstance()
const instance = setupServer(...fake.handlers())

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let totpSecret = ''
let instansiId = ''
let accountId = ''
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true })
}

async function seed(): Promise<void> {
  const db = context.db
  const office = await seedOfficeWithAdmin(db, {
    slug: 'kotasambung',
    name: 'Pemerintah Kota Sambung',
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
      displayName: 'Humas Kota Contoh',
      url: `${INSTANCE}/@humas`,
      penanggungJawabUserId: adminId,
    })
    .returning()
  accountId = account!.id
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  instance.listen({
    // Only this process' HTTP to other hosts is the connector's: anything but the fake instance fails.
    onUnhandledFrame: ({ frame, defaults }) => {
      if (frame.protocol === 'http') defaults.error()
    },
  })
  context = await createE2eContext({ WARTA_SANDBOX_FAULTS: 'false' })
  await seed()
  ;({ app, baseUrl } = await serveE2eApp(context))
  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: { width: 1366, height: 900 },
  })
  page = await session.newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)
    await page.screenshot({
      path: `${SHOTS}failed-m-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
  instance.close()
})

describe('connecting a Mastodon account in the browser', () => {
  it('refuses a wrong token beside the field, then connects with the instance and a token and shows its health', async () => {
    await signInWithCode(page, baseUrl, admin, PASSWORD, totpSecret)

    await page.locator('#main-nav').getByRole('link', { name: 'Akun resmi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Akun resmi' }).waitFor()
    await page.getByRole('button', { name: `Sambungan akun ${HANDLE}` }).click()
    const form = page.getByRole('form', { name: 'Hubungkan dengan token akses Mastodon' })
    expect(await form.getByLabel(/^Alamat server/).inputValue()).toBe('https://social.example.go.id')
    await form.getByLabel(/^Token akses/).fill('token-yang-dicabut')
    await form.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    await page.getByText('The access token is invalid').first().waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('m01-mastodon-token-refused')

    await form.getByLabel(/^Token akses/).fill(TOKEN)
    await form.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Terhubung', { exact: true }).waitFor()
    await health.getByText(`sebagai ${HANDLE}`).waitFor()
    expect(await health.textContent()).toContain('Galat terakhir: tidak ada')
    const row = await getAccountConnection(context.db, instansiId, accountId)
    expect(row!.credentials).not.toContain(TOKEN)
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/api/v1/accounts/verify_credentials',
      '/api/v1/accounts/verify_credentials',
    ])
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('m02-mastodon-account-connected')
    expect(pageErrors).toEqual([])
  })
})
