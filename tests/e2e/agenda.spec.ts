// The digital agenda in a real browser against the real server: a penanggung jawab issues an agenda item (the
// narrative, the central post, the deadline in WIB, DINKES with the units below it and DISHUB), sees its board;
// DISHUB reposts the central post, which publishes with its reach; the DINKES pengelola sees only their units' rows
// and "Adaptasi" opens the prefilled draft in the composer; the list and the board in English. Every state is checked
// with axe, and at phone width (390×844) for sideways scrolling. Screenshots land in test-results/screenshots/
// (prefix a-).
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { accounts, postVariants, posts, units } from '../../src/db/schema/index.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser, type TestInstansi } from '../support/fixtures.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }
const TITLE = 'Gerakan imunisasi campak serentak'

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let page: Page
let seeded: Awaited<ReturnType<typeof seed>>
const sessions: BrowserContext[] = []
const pageErrors: string[] = []
let agendaId = ''

async function shot(name: string): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}a-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

async function atPhoneWidth(name: string): Promise<void> {
  await page.setViewportSize(PHONE)
  await page.waitForTimeout(300)
  expect(await sidewaysOverflow(page), `sideways scroll on ${name}`).toEqual([])
  await expectAccessible(`${name} at phone width`)
  await shot(`${name}-phone`)
  await page.setViewportSize(DESKTOP)
}

async function namedUnit(
  db: AppContext['db'],
  owner: TestInstansi,
  parent: { id: string; path: string },
  code: string,
  name: string,
) {
  const unit = await createTestUnit(db, owner, parent, code)
  await db.update(units).set({ name, kind: 'dinas' }).where(eq(units.id, unit.id))
  return unit
}

async function sandboxAccount(
  db: AppContext['db'],
  owner: TestInstansi,
  unitId: string,
  handle: string,
  pjId: string,
) {
  const id = randomUUID()
  await db.insert(accounts).values({
    id,
    instansiId: owner.id,
    unitId,
    platform: 'sandbox',
    handle,
    url: `https://sandbox.warta.local/@${handle}`,
    penanggungJawabUserId: pjId,
  })
  return id
}

async function seed(db: AppContext['db']) {
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  await db.update(units).set({ name: 'Sekretariat Daerah' }).where(eq(units.id, owner.rootUnit.id))
  const dinkes = await namedUnit(db, owner, owner.rootUnit, 'DINKES', 'Dinas Kesehatan')
  await namedUnit(db, owner, dinkes, 'PKM-GAYAM', 'Puskesmas Gayamsari')
  const dishub = await namedUnit(db, owner, owner.rootUnit, 'DISHUB', 'Dinas Perhubungan')
  const secret = generateTotpSecret()
  const pj = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
    email: 'rina@kotacontoh.go.id',
    totpSecret: secret,
  })
  const pengelola = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  const dishubPengelola = await createTestUser(db, owner, [{ unitId: dishub.id, role: 'pengelola' }], {
    email: 'sari@kotacontoh.go.id',
  })
  const rootAccount = await sandboxAccount(db, owner, owner.rootUnit.id, 'pemkotcontoh', pj.id)
  await sandboxAccount(db, owner, dinkes.id, 'dinkeskotacontoh', pj.id)
  await sandboxAccount(db, owner, dishub.id, 'dishubkotacontoh', pj.id)
  // The central office's own post, already published: what units repost.
  const centralId = randomUUID()
  await db.insert(posts).values({
    id: centralId,
    instansiId: owner.id,
    unitId: owner.rootUnit.id,
    authorId: pj.id,
    title: 'Imunisasi campak serentak 1–14 Desember',
    kind: 'informasi',
    baseText: 'Imunisasi campak gratis untuk anak 9 bulan–12 tahun di semua puskesmas, 1–14 Desember.',
    status: 'published',
  })
  await db.insert(postVariants).values({
    id: randomUUID(),
    instansiId: owner.id,
    postId: centralId,
    accountId: rootAccount,
    text: 'Imunisasi campak gratis untuk anak 9 bulan–12 tahun di semua puskesmas, 1–14 Desember.',
    status: 'published',
    publishedAt: new Date(),
    platformPostUrl: 'https://sandbox.warta.local/@pemkotcontoh/p/1',
  })
  return {
    owner,
    pj: { ...pj, totpSecret: secret },
    pengelola,
    dishubPengelola,
  }
}

async function sessionWith(cookie: string): Promise<BrowserContext> {
  const session = await newOfficeSession(browser, {
    viewport: DESKTOP,
  })
  const [name, value] = cookie.split('=') as [string, string]
  await session.addCookies([{ name, value, url: baseUrl }])
  sessions.push(session)
  return session
}

async function openAs(cookie: string): Promise<void> {
  page = await (await sessionWith(cookie)).newPage()
  page.setDefaultTimeout(WAIT_MS)
  page.on('pageerror', (error) => pageErrors.push(error.message))
}

/** Three days from now at 17:00 WIB, as the datetime input takes it. */
function deadlineInput(): string {
  const wib = new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000)
  return `${wib.toISOString().slice(0, 10)}T17:00`
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(context))
  seeded = await seed(context.db)
  browser = await launchBrowser()
  await openAs((await loginAs(app, seeded.pj)).cookie)
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)
    await page.screenshot({
      path: `${SHOTS}a-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  for (const session of sessions) await session.close()
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('the digital agenda, in the browser', () => {
  it('lets the penanggung jawab issue an agenda item to a subtree and a unit, and shows its board', async () => {
    await page.goto(baseUrl)
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Agenda digital' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Agenda digital' }).waitFor()
    await page.getByText('Belum ada agenda untuk Anda.').waitFor()
    await page.getByRole('link', { name: 'Buat agenda' }).click()
    await page.getByRole('heading', { level: 1, name: 'Buat agenda digital' }).waitFor()
    await page.getByLabel('Judul narasi').fill(TITLE)
    await page
      .getByLabel('Pesan kunci')
      .fill('Imunisasi campak gratis di semua puskesmas, 1–14 Desember.\nBawa buku KIA anak Anda.')
    await page.getByLabel('Sumber').fill('Siaran pers Dinas Kesehatan')
    await page.getByLabel('Tenggat (WIB)').fill(deadlineInput())
    await page.getByLabel('Unggahan pusat').selectOption({ label: 'Imunisasi campak serentak 1–14 Desember' })
    // The first MultiSelect typing field on the page is the units picker (the accounts picker follows it).
    await page.locator('.mantine-MultiSelect-inputField').first().click()
    await page.getByRole('option', { name: '— Dinas Kesehatan (DINKES)' }).click()
    await page.getByRole('option', { name: '— Dinas Perhubungan (DISHUB)' }).click()
    await page.keyboard.press('Escape')
    await expectAccessible('the agenda form')
    await shot('01-create')
    await atPhoneWidth('01-create')
    await page.getByRole('button', { name: 'Terbitkan agenda' }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    agendaId = new URL(page.url()).pathname.split('/').pop()!
    const board = page.getByTestId('agenda-board')
    await board.getByText('Puskesmas Gayamsari').waitFor()
    expect(await board.textContent()).toContain('Dinas Perhubungan')
    expect(await page.getByTestId('agenda-totals').textContent()).toContain('3')
    await expectAccessible('the new agenda item')
    await shot('02-board')
    await atPhoneWidth('02-board')
  })

  it('counts a unit that reposted the central post as done, with the reach it added', async () => {
    const dishub = await loginAs(app, seeded.dishubPengelola)
    const item = await app.inject({ method: 'GET', url: `/api/agenda/${agendaId}`, headers: dishub.headers })
    const task = item.json<{ rows: Array<{ taskId: string }> }>().rows[0]!
    const started = await app.inject({
      method: 'POST',
      url: `/api/agenda/tasks/${task.taskId}/start`,
      headers: dishub.headers,
      payload: { mode: 'repost' },
    })
    expect(started.statusCode, started.body).toBe(200)
    const postId = started.json<{ postId: string }>().postId
    // What the engine and the metrics job do later (engineer B1's work): published, then read.
    await context.db
      .update(postVariants)
      .set({
        status: 'published',
        publishedAt: new Date(),
        platformPostUrl: 'https://sandbox.warta.local/@dishubkotacontoh/p/7',
        metrics: { likes: 120, shares: 35, replies: 12, quotes: 0, views: 4830 },
        metricsAt: new Date(),
      })
      .where(and(eq(postVariants.instansiId, seeded.owner.id), eq(postVariants.postId, postId)))
    await context.db.update(posts).set({ status: 'published' }).where(eq(posts.id, postId))
    await page.reload()
    const board = page.getByTestId('agenda-board')
    await board.getByText('Selesai tepat waktu').waitFor()
    expect(await board.textContent()).toContain('4.830')
    await page.getByLabel('Kedudukan').selectOption({ label: 'Belum dimulai' })
    await expect.poll(() => board.textContent()).not.toContain('Dinas Perhubungan')
    await page.getByLabel('Kedudukan').selectOption({ label: 'Semua' })
    await expectAccessible('the board with a unit done')
    await shot('03-board-progress')
    await atPhoneWidth('03-board-progress')
  })

  it("shows the pengelola their units' rows, and Adaptasi opens the prefilled draft in the composer", async () => {
    await openAs((await loginAs(app, seeded.pengelola)).cookie)
    await page.goto(`${baseUrl}/agenda/${agendaId}`)
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    const board = page.getByTestId('agenda-board')
    await board.getByText('Puskesmas Gayamsari').waitFor()
    expect(await board.textContent()).not.toContain('Dinas Perhubungan')
    await expectAccessible("the pengelola's board")
    await shot('04-pengelola-board')
    await atPhoneWidth('04-pengelola-board')
    await page.getByRole('button', { name: 'Adaptasi untuk Dinas Kesehatan' }).click()
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.getByLabel('Judul', { exact: true }).inputValue()).toBe(TITLE)
    await shot('05-composer-prefilled')
  })

  it('speaks English when chosen: the list and the board', async () => {
    await page.goto(`${baseUrl}/agenda`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Digital agenda' }).waitFor()
    await page.getByRole('link', { name: TITLE }).waitFor()
    await expectAccessible('the agenda list in English')
    await shot('06-list-en')
    await atPhoneWidth('06-list-en')
    await page.getByRole('link', { name: TITLE }).click()
    await page.getByRole('heading', { level: 2, name: 'Amplification board' }).waitFor()
    await page.getByTestId('agenda-board').getByText('Not started').first().waitFor()
    await expectAccessible('the board in English')
    await shot('07-board-en')
    await atPhoneWidth('07-board-en')
    expect(pageErrors).toEqual([])
  })
})
