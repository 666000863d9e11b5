// Issue #9's second journey: an information request in the inbox becomes a PPID case with its KIP deadline, is
// extended once with a written reason, is decided through a complete Pasal 22(7) notice, and takes an objection
// inside its window — in the browser.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../src/context.ts'
import { insertNewItems } from '../../src/db/inbox-repository.ts'
import { accounts, inboxItems, roleGrants } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { seedOfficeWithAdmin, signInWithCode } from '../support/e2e-office.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const PASSWORD = 'Kata-sandi-uji-ppid-2026'
const admin = { name: 'Dewi Lestari', email: 'dewi@kotappid.go.id' }

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let page: Page
let totpSecret = ''
const pageErrors: string[] = []

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  context = await createE2eContext({ WARTA_SANDBOX_FAULTS: 'false' })
  const db = context.db
  const office = await seedOfficeWithAdmin(db, {
    slug: 'kotappid',
    name: 'Pemerintah Kota PPID',
    admin,
    password: PASSWORD,
  })
  totpSecret = office.totpSecret
  await db.insert(roleGrants).values({
    instansiId: office.instansiId,
    userId: office.adminId,
    unitId: office.rootUnitId,
    role: 'ppid',
  })
  const [account] = await db
    .insert(accounts)
    .values({
      instansiId: office.instansiId,
      unitId: office.rootUnitId,
      platform: 'sandbox',
      handle: 'humas.ppid',
      handleDisplay: 'humas.ppid',
      displayName: 'Humas Kota PPID',
      url: 'https://sandbox.warta.invalid/@humas.ppid',
      penanggungJawabUserId: office.adminId,
    })
    .returning()
  const now = new Date()
  const [item] = await insertNewItems(
    db,
    {
      instansiId: office.instansiId,
      accountId: account!.id,
      platform: 'sandbox',
      unitId: office.rootUnitId,
      unitPath: `/${office.rootUnitId}/`,
    },
    [
      {
        externalId: 'permohonan-1',
        kind: 'comment',
        authorExternalId: 'warga-andi',
        authorHandle: 'andi.rahman',
        authorName: 'Andi Rahman',
        body: 'Mohon salinan laporan realisasi anggaran Dinas PU tahun 2025.',
        createdAt: now,
        url: null,
        parentExternalId: 'post-1',
        rootExternalId: 'post-1',
      },
    ],
    now,
  )
  await db
    .update(inboxItems)
    .set({ intent: 'permohonan_informasi', intentScore: 0.93, classifiedAt: now })
    .where(eq(inboxItems.id, item!.id))
  ;({ app, baseUrl } = await serveE2eApp(context))
  browser = await launchBrowser()
  const session = await newOfficeSession(browser, {
    viewport: { width: 1280, height: 900 },
  })
  page = await session.newPage()
  page.setDefaultTimeout(20_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await page.screenshot({ path: `${SHOTS}failed-ppid-case.png`, fullPage: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
})

describe('a PPID case in the browser', () => {
  it('registers an inbox request, shows its KIP deadline, extends it once, decides it and records an objection', async () => {
    await signInWithCode(page, baseUrl, admin, PASSWORD, totpSecret)
    await page.locator('#main-nav').getByRole('link', { name: 'Permohonan informasi (PPID)' }).click()
    await page.getByRole('heading', { level: 1, name: 'Permohonan informasi (PPID)' }).waitFor()
    const requests = page.getByTestId('ppid-inbox-requests')
    await requests.getByText('Mohon salinan laporan realisasi anggaran').waitFor()
    await requests.getByRole('button', { name: 'Jadikan perkara PPID' }).click()

    const year = new Date().getFullYear()
    await page.getByRole('heading', { level: 1, name: `Permohonan 0001/PPID/${year}` }).waitFor()
    const dates = page.getByTestId('ppid-dates')
    expect(await dates.textContent()).toContain('Tenggat pemberitahuan (10 hari kerja)')
    expect(await seriousAxeViolations(page)).toEqual([])

    await page.getByLabel('Alasan tertulis').fill('Dokumen masih dihimpun dari tiga bidang.')
    await page.getByRole('button', { name: 'Perpanjang' }).click()
    await dates.getByText('Dokumen masih dihimpun dari tiga bidang.', { exact: false }).waitFor()
    await page.getByText('Diperpanjang', { exact: true }).first().waitFor()

    const notice = page.getByTestId('notice-form')
    await notice.getByLabel('Dikuasai', { exact: true }).check()
    await notice.getByLabel('(c) Keputusan').selectOption('granted')
    await notice
      .getByLabel('(d) Bahan informasi yang diberikan')
      .fill('Salinan laporan realisasi anggaran 2025')
    await notice.getByLabel('(f) Cara penyampaian').fill('Surel')
    await notice.getByLabel('(f) Format').fill('PDF')
    await notice.getByRole('button', { name: 'Kirim pemberitahuan dan putuskan' }).click()
    // Rule A3: without (g) the notice is refused, naming the field.
    await notice.getByText('Butir (g): isi biaya (0 bila gratis) dan cara pembayarannya.').first().waitFor()
    await notice.getByLabel('(g) Biaya (0 bila gratis)').fill('0')
    await notice.getByRole('button', { name: 'Kirim pemberitahuan dan putuskan' }).click()
    await page.getByText('Diputus', { exact: true }).first().waitFor()
    expect(await dates.textContent()).toContain('Diterima')
    await page.screenshot({ path: `${SHOTS}ppid-case-decided.png`, fullPage: true })

    // The requester objects the same day: the window (30 WD from the notice) is open and says until when.
    const objection = page.getByTestId('objection-form')
    expect(await objection.getByTestId('objection-window').textContent()).toContain('sisa 30 hari kerja')
    await objection.getByLabel('e. Permohonan tidak dipenuhi').check()
    await objection.getByRole('button', { name: 'Catat keberatan' }).click()
    const summary = page.getByTestId('objection-summary')
    await summary.getByText('Atasan PPID wajib menanggapi paling lambat', { exact: false }).waitFor()
    expect(await summary.textContent()).toContain('e. Permohonan tidak dipenuhi')
    expect(await page.getByTestId('objection-form').count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}ppid-case-objection.png`, fullPage: true })
    expect(pageErrors).toEqual([])
  })
})
