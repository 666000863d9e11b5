// Connecting an official account in a real browser against the real server: a sandbox account (Mode Latihan) is
// connected with one click from the accounts page and shows its health; when the simulated network stops taking
// its token, "Periksa sekarang" shows it needs reconnecting with the last error in words; it is reconnected and
// then disconnected after a confirmation. axe finds no serious or critical problem on the panel.
// Screenshots land in test-results/screenshots/ (c…).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { getAccountConnection } from '../../src/db/account-connections-repository.ts'
import { revokeSandboxToken } from '../../src/db/sandbox-accounts-repository.ts'
import { accounts } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, signInWithCode } from '../support/e2e-office.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const PASSWORD = 'Kata-sandi-uji-sambungan-2026'
const admin = { name: 'Sari Wulandari', email: 'sari@kotasambung.go.id' }
const HANDLE = 'humas.latihan'

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
      platform: 'sandbox',
      handle: HANDLE,
      handleDisplay: HANDLE,
      displayName: 'Humas Kota (latihan)',
      url: `https://sandbox.warta.invalid/@${HANDLE}`,
      penanggungJawabUserId: adminId,
    })
    .returning()
  accountId = account!.id
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
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
      path: `${SHOTS}failed-c-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('connecting an account in the browser', () => {
  it('connects a sandbox account, shows its health, needs a reconnect when its token stops working, and disconnects', async () => {
    await signInWithCode(page, baseUrl, admin, PASSWORD, totpSecret)

    await page.locator('#main-nav').getByRole('link', { name: 'Akun resmi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Akun resmi' }).waitFor()
    await page.getByRole('button', { name: `Sambungan akun ${HANDLE}` }).click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Belum terhubung').waitFor()
    await health.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    await health.getByText('Terhubung', { exact: true }).waitFor()
    await health.getByText(`sebagai ${HANDLE}`).waitFor()
    expect(await health.textContent()).toContain('Galat terakhir: tidak ada')
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('c01-sandbox-account-connected')

    // The simulated network stops taking the token (as a platform does when access is revoked).
    const row = await getAccountConnection(context.db, instansiId, accountId)
    await revokeSandboxToken(context.db, instansiId, row!.platformAccountId!)
    await health.getByRole('button', { name: 'Periksa sekarang' }).click()
    await health.getByText('Perlu dihubungkan ulang').waitFor()
    expect(await health.textContent()).toContain(
      'Sesi akun kedaluwarsa atau izinnya dicabut; hubungkan ulang.',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('c02-sandbox-account-needs-reconnect')

    await health.getByRole('button', { name: 'Hubungkan ulang' }).click()
    await health.getByText('Terhubung', { exact: true }).waitFor()

    await health.getByRole('button', { name: 'Putuskan' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Putuskan' }).click()
    await health.getByText('Diputus', { exact: true }).waitFor()
    expect((await getAccountConnection(context.db, instansiId, accountId))!.credentials).toBeNull()
    await shot('c03-sandbox-account-disconnected')
    expect(pageErrors).toEqual([])
  })
})
