// The content calendar in a real browser against the real server: a penanggung jawab sees the approved posts of
// their units by time with their status in words, drags one to the next day and is told its schedule changed;
// drags one whose chain asks for approval again and is told it went back for approval; and drags one someone
// else changed meanwhile, which goes back where it was with the reason in words. The page is checked with axe,
// and at phone width (390×844) for sideways scrolling, in Indonesian and English.
// Screenshots land in test-results/screenshots/ (prefix cc-).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import {
  accounts,
  approvalChains,
  calendarDays,
  posts,
  postVariants,
  units,
} from '../../src/db/schema/index.ts'
import { nationalYear } from '../../src/features/calendar/national-calendar.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser, type TestInstansi } from '../support/fixtures.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
// Tall enough for a whole month view, so a drag never starts below the fold.
const DESKTOP = { width: 1280, height: 1400 }
const PHONE = { width: 390, height: 844 }

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let pjHeaders: Record<string, string>
const pageErrors: string[] = []

/** The 10th of next month: every day the test drags between lies in one month view, all in the future. */
const now = new Date()
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
const dayOf = (day: number) =>
  `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
/** An instant at hh:00 WIB on that day of next month. */
const wib = (day: number, hour: number) =>
  new Date(`${dayOf(day)}T${String(hour).padStart(2, '0')}:00:00+07:00`)

const ids = { moved: '', backToReview: '', stale: '' }

async function createPost(
  db: AppContext['db'],
  owner: TestInstansi,
  input: { unitId: string; authorId: string; accountId: string; title: string; at: Date },
) {
  const id = randomUUID()
  await db.insert(posts).values({
    id,
    instansiId: owner.id,
    unitId: input.unitId,
    authorId: input.authorId,
    title: input.title,
    kind: 'informasi',
    baseText: `${input.title}.`,
    scheduledAt: input.at,
    status: 'scheduled',
  })
  await db.insert(postVariants).values({
    id: randomUUID(),
    instansiId: owner.id,
    postId: id,
    accountId: input.accountId,
    text: `${input.title}.`,
    status: 'scheduled',
    nextAttemptAt: input.at,
  })
  return id
}

async function seed(db: AppContext['db']) {
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  const dinkes = await createTestUnit(db, owner, owner.rootUnit, 'DINKES')
  await db.update(units).set({ name: 'Dinas Kesehatan', kind: 'dinas' }).where(eq(units.id, dinkes.id))
  const dishub = await createTestUnit(db, owner, owner.rootUnit, 'DISHUB')
  await db.update(units).set({ name: 'Dinas Perhubungan', kind: 'dinas' }).where(eq(units.id, dishub.id))
  const totpSecret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }], {
      email: 'rina@kotacontoh.go.id',
      totpSecret,
    })),
    totpSecret,
  }
  const author = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  // Dinas Kesehatan's chain lets an approved post move without a new approval; Dinas Perhubungan keeps the
  // default (a new time needs a new approval).
  await db.insert(approvalChains).values({
    id: randomUUID(),
    instansiId: owner.id,
    unitId: dinkes.id,
    steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }] as never,
    rescheduleRequiresApproval: false,
  })
  const [x, bluesky] = [randomUUID(), randomUUID()]
  await db.insert(accounts).values([
    {
      id: x,
      instansiId: owner.id,
      unitId: dinkes.id,
      platform: 'x',
      handle: 'dinkeskota',
      handleDisplay: '@DinkesKota',
      url: 'https://x.com/DinkesKota',
      penanggungJawabUserId: pj.id,
    },
    {
      id: bluesky,
      instansiId: owner.id,
      unitId: dishub.id,
      platform: 'bluesky',
      handle: 'dishub.kotacontoh.go.id',
      url: 'https://bsky.app/profile/dishub.kotacontoh.go.id',
      penanggungJawabUserId: pj.id,
    },
  ])
  const common = { authorId: author.id }
  ids.moved = await createPost(db, owner, {
    ...common,
    unitId: dinkes.id,
    accountId: x,
    title: 'Vaksinasi gratis',
    at: wib(10, 9),
  })
  ids.backToReview = await createPost(db, owner, {
    ...common,
    unitId: dishub.id,
    accountId: bluesky,
    title: 'Jadwal bus sekolah',
    at: wib(11, 10),
  })
  ids.stale = await createPost(db, owner, {
    ...common,
    unitId: dinkes.id,
    accountId: x,
    title: 'Donor darah',
    at: wib(18, 8),
  })
  // The instansi's own libur daerah, shown behind the posts by its name.
  await db.insert(calendarDays).values({
    instansiId: owner.id,
    day: dayOf(15),
    kind: 'regional_holiday',
    name: 'Hari Jadi Kota',
  })
  return { pj }
}

async function shot(name: string): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}cc-${name}.png`, fullPage: true })
}

function postOnCalendar(id: string): Locator {
  return page.locator(`[data-testid="calendar-post"][data-post-id="${id}"]`)
}

/** The month view's cell of a date (FullCalendar marks day cells with data-date). */
function dayCell(date: string): Locator {
  return page.locator(`.content-calendar [data-date="${date}"]`).first()
}

/** Drags with the mouse as a person would: press on the post, move in steps to the day, release. */
async function drag(from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded()
  const start = (await from.boundingBox())!
  const end = (await to.boundingBox())!
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
  await page.mouse.down()
  await page.mouse.move(start.x + start.width / 2 + 5, start.y + start.height / 2 + 5, { steps: 3 })
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 })
  await page.mouse.up()
}

async function postRow(id: string) {
  const [row] = await context.db.select().from(posts).where(eq(posts.id, id))
  return row!
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext()
  ;({ app, baseUrl } = await serveE2eApp(context))
  const seeded = await seed(context.db)
  const login = await loginAs(app, seeded.pj)
  pjHeaders = login.headers
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
      path: `${SHOTS}cc-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('the content calendar, in the browser', () => {
  it('shows the posts of the month with their status in words, reached from the navigation', async () => {
    await page.goto(`${baseUrl}/kalender-konten?view=month&date=${dayOf(10)}`)
    await page.getByRole('heading', { level: 1, name: 'Kalender konten' }).waitFor()
    await postOnCalendar(ids.moved).waitFor()
    expect(await postOnCalendar(ids.moved).textContent()).toMatch(/09\.00 Terjadwal Vaksinasi gratis · X/)
    expect(await postOnCalendar(ids.backToReview).textContent()).toMatch(/10\.00 Terjadwal .*Bluesky/)
    expect(await page.getByRole('link', { name: 'Kalender konten' }).count()).toBeGreaterThan(0)
    // The libur daerah by its name; the next year has no national table yet, and the page says so.
    await dayCell(dayOf(15)).getByText('Hari Jadi Kota').waitFor()
    if (!nationalYear(month.getUTCFullYear()))
      await page.getByText(`Tabel hari libur nasional ${month.getUTCFullYear()} belum ada`).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('month-desktop-id')
  })

  it('moves a post dragged to the next day and says its schedule changed', async () => {
    await drag(postOnCalendar(ids.moved), dayCell(dayOf(12)))
    await page.getByText(/Jadwal diubah: "Vaksinasi gratis" akan tayang/).waitFor()
    await expect
      .poll(async () => (await postRow(ids.moved)).scheduledAt?.toISOString())
      .toBe(wib(12, 9).toISOString())
    expect((await postRow(ids.moved)).status).toBe('scheduled')
    await dayCell(dayOf(12)).locator(`[data-post-id="${ids.moved}"]`).waitFor()
  })

  it('sends a dragged post back for approval when its chain says so, and says so', async () => {
    await drag(postOnCalendar(ids.backToReview), dayCell(dayOf(13)))
    await page.getByText(/"Jadwal bus sekolah" dijadwalkan ulang ke .* dan kembali ke persetujuan/).waitFor()
    await expect.poll(async () => (await postRow(ids.backToReview)).status).toBe('in_review')
    expect((await postRow(ids.backToReview)).scheduledAt?.toISOString()).toBe(wib(13, 10).toISOString())
    // Now in review, it shows so in words, and can no longer be dragged.
    await postOnCalendar(ids.backToReview).filter({ hasText: 'Ditinjau' }).waitFor()
    await shot('after-moves-desktop-id')
  })

  it('puts a refused drag back where it was and says why', async () => {
    // Someone else changes the post after the page read it: the reschedule is refused as stale.
    await context.db
      .update(posts)
      .set({ version: sql`${posts.version} + 1` })
      .where(eq(posts.id, ids.stale))
    await drag(postOnCalendar(ids.stale), dayCell(dayOf(19)))
    await page.getByRole('alert').filter({ hasText: 'baru saja diubah orang lain' }).waitFor()
    expect((await postRow(ids.stale)).scheduledAt?.toISOString()).toBe(wib(18, 8).toISOString())
    await dayCell(dayOf(18)).locator(`[data-post-id="${ids.stale}"]`).waitFor()
  })

  it('shows the times in WIT when chosen, and a list on a phone, in Indonesian and English', async () => {
    await page.locator('label', { hasText: /^WIT$/ }).click()
    await expect
      .poll(() => postOnCalendar(ids.moved).textContent())
      .toMatch(/11\.00 Terjadwal Vaksinasi gratis/)
    expect(page.url()).toContain('tz=WIT')
    await page.goto(`${baseUrl}/kalender-konten?view=week&tz=WIT&date=${dayOf(12)}`)
    await postOnCalendar(ids.moved).filter({ hasText: '11.00 Terjadwal' }).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('week-wit-desktop-id')

    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/kalender-konten?date=${dayOf(12)}`)
    await postOnCalendar(ids.moved).waitFor()
    expect(await page.getByRole('radio', { name: 'Daftar' }).isChecked()).toBe(true)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('list-phone-id')

    const english = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: pjHeaders,
      payload: { locale: 'en' },
    })
    expect(english.statusCode, english.body).toBe(200)
    await page.goto(`${baseUrl}/kalender-konten?view=list&date=${dayOf(12)}`)
    await page.getByRole('heading', { level: 1, name: 'Content calendar' }).waitFor()
    await postOnCalendar(ids.moved).filter({ hasText: 'Scheduled' }).waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('list-phone-en')
    await page.setViewportSize(DESKTOP)
    await page.goto(`${baseUrl}/kalender-konten?view=month&date=${dayOf(10)}`)
    await postOnCalendar(ids.moved).waitFor()
    await shot('month-desktop-en')
    expect(pageErrors).toEqual([])
  })
})

describe('connecting a Bluesky account, in the browser', () => {
  it('asks for an app password with a note on where to make one, and says why a connection failed', async () => {
    const back = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: pjHeaders,
      payload: { locale: 'id' },
    })
    expect(back.statusCode, back.body).toBe(200)
    await page.goto(`${baseUrl}/accounts`)
    await page.getByRole('button', { name: 'Sambungan akun dishub.kotacontoh.go.id' }).click()
    const form = page.getByRole('form', { name: 'Hubungkan dengan sandi aplikasi Bluesky' })
    await form.waitFor()
    expect(await form.textContent()).toContain('Warta tidak pernah meminta sandi utama akun')
    expect(await seriousAxeViolations(page)).toEqual([])
    await shot('bluesky-form-desktop-id')

    // A PDS that does not answer: the panel says the platform could not be reached, in words.
    await form.getByLabel(/^Sandi aplikasi/).fill('abcd-efgh-ijkl-mnop')
    await form.getByLabel('Alamat server (PDS)').fill('http://127.0.0.1:9')
    await form.getByRole('button', { name: 'Hubungkan' }).click()
    await page.getByRole('alert').filter({ hasText: 'Platform sedang tidak dapat dihubungi' }).waitFor()
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('bluesky-form-refused-phone-id')
    await page.setViewportSize(DESKTOP)
  })
})
