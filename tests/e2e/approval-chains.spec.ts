// The approval chain settings and the notification bell in a real browser against the real server: the admin
// picks a unit, sees the default chain, sets two steps (any penanggung jawab, then a named user) and a crisis
// approver (themself), which notifies them: the bell shows the unread count, its list, and opening an entry or
// "mark all read" marks them read. Then an account's own chain wins over its unit's. Every state is checked with axe, and at phone width
// (390×844) for sideways scrolling. Screenshots land in test-results/screenshots/ (prefix ac-).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { accounts, units, users } from '../../src/db/schema/index.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../support/fixtures.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: WAIT_MS, interval: 100 })
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}ac-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

async function toast(text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

async function seed(db: AppContext['db']) {
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  await db.update(units).set({ name: 'Sekretariat Daerah' }).where(eq(units.id, owner.rootUnit.id))
  const secret = generateTotpSecret()
  const admin = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    email: 'sari@kotacontoh.go.id',
    totpSecret: secret,
  })
  await db.update(users).set({ name: 'Sari Wulandari' }).where(eq(users.id, admin.id))
  const dinkes = await createTestUnit(db, owner, owner.rootUnit, 'DINKES')
  await db.update(units).set({ name: 'Dinas Kesehatan', kind: 'dinas' }).where(eq(units.id, dinkes.id))
  const kadis = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }], {
    email: 'rina@kotacontoh.go.id',
  })
  await db.update(users).set({ name: 'Rina Kepala Dinas' }).where(eq(users.id, kadis.id))
  await db.insert(accounts).values({
    instansiId: owner.id,
    unitId: dinkes.id,
    platform: 'instagram',
    handle: 'humas_dinkes',
    url: 'https://instagram.com/humas_dinkes',
    penanggungJawabUserId: kadis.id,
    platformTwoFactor: true,
  })
  return { admin: { ...admin, totpSecret: secret }, dinkes }
}

let dinkesId = ''

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(context))
  const { admin, dinkes } = await seed(context.db)
  dinkesId = dinkes.id
  const login = await loginAs(app, admin)
  browser = await launchBrowser()
  session = await newOfficeSession(browser, {
    viewport: DESKTOP,
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
      path: `${SHOTS}ac-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

/** Picks an option in a Mantine MultiSelect: its typing field carries the class below (the label points at it). */
async function pick(within: ReturnType<Page['locator']>, option: string): Promise<void> {
  await within.locator('.mantine-MultiSelect-inputField').last().click()
  await page.getByRole('option', { name: option }).click()
  await page.keyboard.press('Escape')
}

describe('approval chains and notifications, in the browser', () => {
  it('sets a two-step chain with a crisis approver on a unit, and shows where each chain comes from', async () => {
    await page.goto(`${baseUrl}/approval-chains`)
    await page.getByRole('heading', { level: 1, name: 'Alur persetujuan' }).waitFor()
    await page.getByLabel('Unit', { exact: true }).selectOption(dinkesId)
    await page.getByTestId('chain-source').filter({ hasText: 'Bawaan' }).waitFor()
    await expectAccessible('approval chains, default')
    await shot('default')

    await page.getByRole('button', { name: 'Tambah tahap' }).click()
    const second = page.getByTestId('approval-step-1')
    await second.getByLabel('Penyetuju').selectOption('users')
    await second
      .locator('label')
      .filter({ hasText: /^Semua$/ })
      .click()
    await pick(second, 'Rina Kepala Dinas')
    await pick(page.locator('form'), 'Sari Wulandari')
    await page.getByRole('checkbox', { name: /Perubahan jadwal/ }).uncheck()
    await page.getByRole('button', { name: 'Simpan alur unit' }).click()
    await toast('Alur persetujuan disimpan.')
    await page.getByTestId('chain-source').filter({ hasText: 'Alur milik unit ini' }).waitFor()
    const effective = page.getByTestId('effective-chain')
    await poll(() => effective.innerText()).toContain('Semua: Rina Kepala Dinas')
    await poll(() => page.getByTestId('chain-list').innerText()).toContain('Dinas Kesehatan')
    await expectAccessible('approval chains, saved')
    await shot('unit-chain')

    // The account inherits the unit's chain until it has its own.
    await page.getByLabel('Akun', { exact: true }).selectOption({ label: 'Instagram @humas_dinkes' })
    await page.getByTestId('chain-source').filter({ hasText: 'Diwarisi dari Dinas Kesehatan' }).waitFor()
    await page.getByRole('button', { name: 'Simpan alur akun' }).click()
    await toast('Alur persetujuan disimpan.')
    await page.getByTestId('chain-source').filter({ hasText: 'Alur milik akun ini' }).waitFor()
    expect(pageErrors).toEqual([])
  })

  it('shows the crisis approver notifications under the bell and marks them read', async () => {
    // Named on the unit's chain and again on the account's own chain: two notifications.
    const bell = page.getByRole('button', { name: /^Pemberitahuan, 2 belum dibaca/ })
    await page.reload()
    await bell.waitFor()
    await bell.click()
    const list = page.getByTestId('notification-list')
    await poll(() => list.innerText()).toContain('Anda ditetapkan sebagai penyetuju jalur cepat krisis')
    await expectAccessible('notification bell open')
    await shot('bell')
    await list.getByRole('button').first().click()
    await page.getByRole('button', { name: /^Pemberitahuan, 1 belum dibaca/ }).click()
    await page.getByRole('button', { name: 'Tandai semua dibaca' }).click()
    await page.getByRole('button', { name: 'Pemberitahuan', exact: true }).waitFor()
    await page.keyboard.press('Escape')
    expect(pageErrors).toEqual([])
  })

  it('fits a phone without sideways scrolling', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/approval-chains`)
    await page.getByRole('heading', { level: 1, name: 'Alur persetujuan' }).waitFor()
    await page.getByLabel('Unit', { exact: true }).selectOption(dinkesId)
    await page.getByTestId('chain-source').filter({ hasText: 'Alur milik unit ini' }).waitFor()
    expect(await sidewaysOverflow(page)).toEqual([])
    await expectAccessible('approval chains on a phone')
    await shot('phone')
    await page.getByRole('button', { name: 'Pemberitahuan', exact: true }).click()
    await page.getByTestId('notification-list').waitFor()
    expect(await sidewaysOverflow(page)).toEqual([])
    await shot('phone-bell')
    await page.setViewportSize(DESKTOP)
  })
})
