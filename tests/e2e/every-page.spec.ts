// Every page of the app at phone width (390×844: nothing wider than the window) and at desktop width, each with
// axe (no serious or critical violation). The signed-in pages are read from PAGES (web/src/app/pages.ts), so a
// page added there is walked here without anyone remembering to; a page with a path parameter needs a real value
// from the seeded office (PATH_VALUES below), and the test fails until it has one. The signed-out screens come
// first, in the order a new deployment meets them: the first-run wizard's steps, the sign-in page, the forgotten
// password form, the authenticator code step. One browser, one sign-in.
// A failure leaves test-results/screenshots/failed-every-page.png.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../src/context.ts'
import { accounts, roleGrants } from '../../src/db/schema/index.ts'
import { totpCodeAt } from '../../src/features/identity/totp.ts'
import { ATTENTION_ITEMS } from '../../src/shared/attention.ts'
import { PAGES, type PageId } from '../../web/src/app/pages.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, type SeededOffice } from '../support/e2e-office.ts'
import { sidewaysOverflow, tablesScrollingSideways } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }
const PASSWORD = 'Kata-sandi-uji-semua-halaman-2026'
const admin = { name: 'Wulan Sari', email: 'wulan@kotasemua.go.id' }

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let page: Page
let office: SeededOffice
const pageErrors: string[] = []

/** Fills a page's path parameters with values that exist in the seeded office (set once signed in). */
const PATH_VALUES: Partial<Record<PageId, () => Promise<string>>> = {
  attention: () => Promise.resolve(`/attention/${ATTENTION_ITEMS[0]}`),
  postEdit: async () => {
    const [account] = await context.db.select({ id: accounts.id }).from(accounts).limit(1)
    const post = await apiPost<{ id: string }>('/api/posts', {
      title: 'Vaksinasi gratis',
      baseText: 'Vaksinasi gratis di Puskesmas Kecamatan pada Sabtu pukul 08.00 WIB.',
      targets: [account!.id],
    })
    return `/posts/${post.id}`
  },
  agendaItem: async () => {
    const item = await apiPost<{ id: string }>('/api/agenda', {
      unitId: office.rootUnitId,
      title: 'Gerakan imunisasi campak',
      keyMessages: ['Imunisasi campak gratis di puskesmas.'],
      deadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      targets: { unitIds: [office.rootUnitId], subtreeUnitIds: [], accountIds: [] },
    })
    return `/agenda/${item.id}`
  },
  ppidCase: async () => {
    const ppidCase = await apiPost<{ id: string }>('/api/ppid/cases', {
      unitId: office.rootUnitId,
      channel: 'email',
      requesterName: 'Andi Rahman',
      requesterContact: 'andi@contoh.id',
      requestText: 'Mohon salinan laporan realisasi anggaran Dinas PU tahun 2025.',
    })
    return `/ppid/${ppidCase.id}`
  },
}

/** A mutation through the API as the signed-in browser (its cookie and CSRF token), for seeding path values. */
async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const me = await page.request.get(`${baseUrl}/api/auth/me`)
  const { csrfToken } = (await me.json()) as { csrfToken: string }
  const response = await page.request.post(`${baseUrl}${path}`, {
    data: body,
    headers: { 'X-CSRF-Token': csrfToken },
  })
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200)
  return (await response.json()) as T
}

interface BrowserWindow {
  location: { pathname: string }
  history: { pushState: (state: unknown, title: string, url: string) => void }
  dispatchEvent: (event: unknown) => void
  PopStateEvent: new (type: string) => unknown
  document: {
    getAnimations: () => unknown[]
    querySelector: (
      selector: string,
    ) => { textContent: string | null; dataset: Record<string, string> } | null
  }
}

/**
 * Waits until the screen has its title, nothing is still loading and nothing still moves (the shell slides its
 * padding for 200 ms after a resize, so a measure taken during it reads a layout no one sees).
 */
async function settled(): Promise<void> {
  await page.locator('h1').first().waitFor()
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as BrowserWindow
    return document.querySelector('.mantine-Loader-root') === null && document.getAnimations().length === 0
  })
}

/**
 * Opens a page inside the running app, as its own links do (a full load of each page would double the spec's time):
 * the history entry is pushed and the router told, then the old page's title must have gone.
 */
async function openInApp(url: string): Promise<void> {
  const here = await page.evaluate(() => (globalThis as unknown as BrowserWindow).location.pathname)
  if (here === url) return settled()
  await page.evaluate((to) => {
    const browser = globalThis as unknown as BrowserWindow
    const title = browser.document.querySelector('h1')
    if (title) title.dataset.left = title.textContent ?? ''
    browser.history.pushState(null, '', to)
    browser.dispatchEvent(new browser.PopStateEvent('popstate'))
  }, url)
  await page.waitForFunction((to) => {
    const browser = globalThis as unknown as BrowserWindow
    const title = browser.document.querySelector('h1')
    return (
      browser.location.pathname === to &&
      title !== null &&
      (title.dataset.left === undefined || title.dataset.left !== title.textContent)
    )
  }, url)
  await settled()
}

/**
 * The screen as it is now, at both widths: no sideways scroll on a phone, axe clean at both. It starts at the width
 * the last check ended on, so each page costs one resize.
 */
async function checkBothWidths(label: string): Promise<void> {
  const phoneFirst = page.viewportSize()?.width === PHONE.width
  for (const size of phoneFirst ? [PHONE, DESKTOP] : [DESKTOP, PHONE]) {
    if (page.viewportSize()?.width !== size.width) await page.setViewportSize(size)
    await settled()
    const width = `${size.width} px`
    if (size === PHONE)
      expect(await sidewaysOverflow(page), `${label} scrolls sideways at ${width}`).toEqual([])
    else expect(await tablesScrollingSideways(page), `${label} has a table wider than ${width}`).toEqual([])
    expect(await seriousAxeViolations(page), `axe on ${label} at ${width}`).toEqual([])
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext({
    WARTA_SANDBOX_FAULTS: 'false',
    // Only so the sign-in page offers "Lupa kata sandi?": nothing is mailed in this spec.
    SMTP_URL: 'smtp://127.0.0.1:9',
    SMTP_FROM: 'Warta <warta@kotasemua.go.id>',
  })
  ;({ app, baseUrl } = await serveE2eApp(context))
  browser = await launchBrowser()
  const session = await newOfficeSession(browser, {
    viewport: DESKTOP,
  })
  page = await session.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({ path: `${SHOTS}failed-every-page.png`, fullPage: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('every page at phone and desktop width, with axe', () => {
  it('fits and passes axe on each step of the first-run wizard', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Penyiapan pertama' }).waitFor()
    await checkBothWidths('wizard step 1 (instansi)')
    await page.getByLabel('Nama instansi').fill('Pemerintah Kota Contoh')
    await page.getByRole('button', { name: 'Berikutnya' }).click()
    await page.getByLabel('Nama unit teratas').waitFor()
    await checkBothWidths('wizard step 2 (unit teratas)')
    await page.getByLabel('Nama unit teratas').fill('Bagian Protokol')
    await page.getByLabel('Kode unit').fill('PROKOPIM')
    await page.getByRole('button', { name: 'Berikutnya' }).click()
    await page.getByLabel('Nama lengkap admin').waitFor()
    await checkBothWidths('wizard step 3 (admin)')
  })

  it('fits and passes axe on the sign-in page, the forgotten password form and the code step', async () => {
    // The wizard is not finished: the office is seeded instead, with an admin who has an authenticator.
    office = await seedOfficeWithAdmin(context.db, {
      slug: 'kotasemua',
      name: 'Pemerintah Kota Semua',
      admin,
      password: PASSWORD,
    })
    // The pages of the roles an instansi admin does not hold (PPID) are walked too.
    await context.db.insert(roleGrants).values({
      instansiId: office.instansiId,
      userId: office.adminId,
      unitId: office.rootUnitId,
      role: 'ppid',
    })
    await context.db.insert(accounts).values({
      instansiId: office.instansiId,
      unitId: office.rootUnitId,
      platform: 'sandbox',
      handle: 'humas.semua',
      handleDisplay: 'humas.semua',
      displayName: 'Humas Kota Semua',
      url: 'https://sandbox.warta.invalid/@humas.semua',
      penanggungJawabUserId: office.adminId,
    })
    await page.goto(baseUrl)
    await page.getByLabel('Alamat e-mail').waitFor()
    await checkBothWidths('sign-in page')

    await page.getByRole('button', { name: 'Lupa kata sandi?' }).click()
    await page.getByRole('heading', { level: 1, name: /Lupa kata sandi/ }).waitFor()
    await checkBothWidths('forgotten password form')

    await page.goto(baseUrl)
    await page.getByLabel('Alamat e-mail').fill(admin.email)
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.getByLabel('Kode autentikator').waitFor()
    await checkBothWidths('authenticator code step')

    await page.getByLabel('Kode autentikator').fill(totpCodeAt(office.totpSecret, new Date()))
    await page.getByRole('button', { name: 'Verifikasi' }).click()
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` }).waitFor()
  })

  it('has a seeded value for every page with a path parameter', () => {
    const withParameters = Object.entries(PAGES)
      .filter(([, info]) => info.path.includes('$'))
      .map(([id]) => id)
    expect(withParameters.filter((id) => !(id in PATH_VALUES))).toEqual([])
  })

  it.each(Object.entries(PAGES).map(([id, info]) => [id, info.path] as [PageId, string]))(
    'fits %s (%s) on a phone and passes axe at both widths',
    async (id, path) => {
      const url = path.includes('$') ? await PATH_VALUES[id]!() : path
      await openInApp(url)
      const title = (await page.locator('h1').first().textContent()) ?? ''
      expect(title, `${url} opens its page, not a refusal`).not.toMatch(
        /^(Akses ditolak|Halaman tidak ditemukan)$/,
      )
      await checkBothWidths(`${id} (${url})`)
    },
  )

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
