// Connecting a Telegram channel in a real browser against the real server, with Telegram's Bot API answered by the
// stateful fake (src/connectors/telegram/telegram-fake.ts) through msw in this process: the form explains
// @BotFather and the admin rights, refuses a token that is not one before calling the API, shows Telegram's refusal
// when the bot is not yet an admin, and connects once it is. axe finds no serious or critical problem.
// Screenshots land in test-results/screenshots/ (tg…).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { setupServer } from 'msw/node'
import { FAKE_TOKEN, TelegramFake } from '../../src/connectors/telegram/telegram-fake.ts'
import type { AppContext } from '../../src/context.ts'
import { accounts } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, signInWithCode } from '../support/e2e-office.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 20_000
const PASSWORD = 'Kata-sandi-uji-sambungan-2026'
const admin = { name: 'Sari Wulandari', email: 'sari@kotasambung.go.id' }
const HANDLE = 'dinkeskota'
// Telegram's Bot API, answered in this process by the stateful fake (the server's grammy calls go through node:http).
const telegram = new TelegramFake()
const bot = setupServer(telegram.handler())

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let totpSecret = ''
let instansiId = ''
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
  await db.insert(accounts).values({
    instansiId,
    unitId: root,
    platform: 'telegram',
    handle: HANDLE,
    handleDisplay: HANDLE,
    displayName: 'Dinas Kesehatan Kota',
    url: `https://t.me/${HANDLE}`,
    penanggungJawabUserId: adminId,
  })
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  // Only api.telegram.org is answered; the browser's own traffic does not pass through this process's clients.
  bot.listen({ onUnhandledFrame: 'bypass' })
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
      path: `${SHOTS}failed-tg-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
  bot.close()
})

describe('connecting a Telegram channel in the browser', () => {
  it('explains the bot, refuses a wrong token, says when the bot is not an admin, and connects', async () => {
    await signInWithCode(page, baseUrl, admin, PASSWORD, totpSecret)

    await page.locator('#main-nav').getByRole('link', { name: 'Akun resmi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Akun resmi' }).waitFor()
    await page.getByRole('button', { name: `Sambungan akun ${HANDLE}` }).click()
    const form = page.getByRole('form', { name: 'Hubungkan kanal Telegram dengan bot' })
    await form.getByText('@BotFather', { exact: false }).first().waitFor()
    expect(await form.getByLabel('Kanal', { exact: false }).inputValue()).toBe('@dinkeskota')
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('tg01-telegram-form')

    await form.getByLabel('Token bot', { exact: false }).fill('kata-sandi-saya')
    await form.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    await form.getByText('Itu bukan token bot', { exact: false }).waitFor()
    expect(telegram.calls).toEqual([])

    telegram.botStatus = 'member'
    await form.getByLabel('Token bot', { exact: false }).fill(FAKE_TOKEN)
    await form.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    await form.getByText('Platform menolak kredensial ini', { exact: false }).first().waitFor()
    await shot('tg02-telegram-bot-not-admin')

    telegram.botStatus = 'administrator'
    await form.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    const health = page.getByTestId('connection-health')
    await health.getByText('Terhubung', { exact: true }).waitFor()
    await health.getByText('sebagai @dinkeskota').waitFor()
    expect(telegram.calls.at(-1)).toMatchObject({ method: 'getChatMember' })
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('tg03-telegram-connected')
    expect(pageErrors).toEqual([])
  })
})
