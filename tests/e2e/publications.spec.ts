// The post page after approval, in a real browser against the real server and job runner: a post went to three
// sandbox accounts — published with its first metrics reading, failed because the account's access expired
// (needs a reconnect, no retry offered), and failed after the platform stayed unavailable. The author sees each
// account in words, sends the failed one again, and watches it go out (the panel refreshes itself); then the
// same page in English. Checked with axe and at 1280 and 390 px. Screenshots: test-results/screenshots/ (pub-).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { getVariant } from '../../src/db/post-variants-repository.ts'
import { revokeSandboxToken } from '../../src/db/sandbox-accounts-repository.ts'
import { addSandboxPostAttention } from '../../src/db/sandbox-posts-repository.ts'
import { collectPostMetrics } from '../../src/features/metrics/collect-post-metrics.ts'
import { publishVariant, type PublishDeps } from '../../src/features/publishing/publish-variant.ts'
import { NO_SANDBOX_FAULTS } from '../../src/features/sandbox/sandbox-faults.ts'
import { commentAsCitizen, createSandboxNetwork } from '../../src/features/sandbox/sandbox-network-store.ts'
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUser } from '../support/fixtures.ts'
import { handClock } from '../support/hand-clock.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../support/publishing-fixtures.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }
const HOUR = 3_600_000

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
let runner: JobRunner
let dataDir: string
let ownerId: string
let postId: string
let variantIds: string[]
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}pub-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

/** A post on three sandbox accounts, taken by the engine to the three outcomes the page shows. */
async function seed() {
  const db = context.db
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  const pj = await createPenanggungJawab(db, owner)
  const author = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  const keyring = { secret: context.secret, previousSecrets: context.previousSecrets }
  const published = await createConnectedSandboxAccount(db, owner, pj, keyring)
  const expired = await createConnectedSandboxAccount(db, owner, pj, keyring)
  const unavailable = await createConnectedSandboxAccount(db, owner, pj, keyring)
  // Published an hour ago: the engine runs on a clock an hour behind, then the +1 h reading is due now.
  const clock = handClock(new Date(Date.now() - HOUR))
  const post = await createScheduledPost(
    db,
    owner,
    author,
    [published.id, expired.id, unavailable.id],
    new Date(clock.now().getTime() - 60_000),
    'Vaksinasi campak gratis untuk balita di semua puskesmas, Sabtu 12 Desember 2026 pukul 08.00–12.00 WIB.',
  )
  const deps = (faults = NO_SANDBOX_FAULTS): PublishDeps => ({
    db,
    clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: false },
    sandboxNetwork: createSandboxNetwork({ db, clock }, { faults, wait: () => Promise.resolve() }),
    random: () => 0.5,
  })
  const [first, second, third] = post.variantIds as [string, string, string]
  expect(await publishVariant(deps(), owner.id, first)).toBe('published')
  const platformPostId = (await getVariant(db, owner.id, first))!.platformPostId!
  await addSandboxPostAttention(db, owner.id, platformPostId, {
    likes: 1284,
    shares: 96,
    views: 15_230,
    round: 1,
  })
  for (const text of ['Terima kasih infonya', 'Apakah perlu daftar dulu?', 'Di puskesmas mana saja?'])
    await commentAsCitizen({ db, clock }, owner.id, platformPostId, { text })

  await revokeSandboxToken(db, owner.id, expired.sandboxAccountId)
  expect(await publishVariant(deps(), owner.id, second)).toBe('failed')

  const down = { ...NO_SANDBOX_FAULTS, unavailableRate: 1 }
  for (;;) {
    const outcome = await publishVariant(deps(down), owner.id, third)
    if (outcome === 'failed') break
    clock.set((await getVariant(db, owner.id, third))!.nextAttemptAt!)
  }
  clock.set(new Date())
  expect((await collectPostMetrics(deps(), { instansiId: owner.id })).read).toBe(1)
  return { author, ownerId: owner.id, postId: post.postId, variantIds: post.variantIds }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  dataDir = mkdtempSync(path.join(tmpdir(), 'warta-e2e-publications-'))
  context = await createE2eContext({ WARTA_DATA_DIR: dataDir, WARTA_SANDBOX_FAULTS: 'false' })
  ;({ app, baseUrl } = await serveE2eApp(context))
  const seeded = await seed()
  postId = seeded.postId
  ownerId = seeded.ownerId
  variantIds = seeded.variantIds
  runner = await startJobRunner(context, { relayIntervalMs: 200 })
  const login = await loginAs(app, seeded.author)
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
      path: `${SHOTS}pub-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await runner?.close()
  await app?.close()
  await context?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the publications panel, in the browser', () => {
  it('shows each account in words, sends the failed one again and watches it go out', async () => {
    await page.goto(`${baseUrl}/posts/${postId}`)
    const panel = page.getByRole('region', { name: 'Penerbitan' })
    await panel.waitFor()
    const cards = panel.getByTestId('publication')
    await expect.poll(() => cards.count()).toBe(3)
    const published = cards.filter({ hasText: 'Terbit' })
    await published.getByTestId('metrics').filter({ hasText: '1.284 suka' }).waitFor()
    expect(await published.getByTestId('metrics').textContent()).toContain('3 balasan')
    await published.getByRole('link', { name: 'Buka unggahan di platform' }).waitFor()
    const reconnect = cards.filter({ hasText: 'perlu dihubungkan ulang' })
    expect(await reconnect.getByRole('button', { name: 'Kirim ulang' }).isDisabled()).toBe(true)
    const failed = cards.filter({ hasText: 'Platform sedang tidak dapat dihubungi' })
    await failed.getByText('Percobaan: 5').waitFor()
    await failed.getByText(/Pesan platform: unavailable: service unavailable/).waitFor()
    await expectAccessible('the post with its publications')
    await panel.scrollIntoViewIfNeeded()
    await shot('panel-id-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('panel-id-390')
    await page.setViewportSize(DESKTOP)

    // Sent again: the job runner publishes it, and the panel, refreshing itself, shows it published.
    await failed.getByRole('button', { name: 'Kirim ulang' }).click()
    await expect
      .poll(() => panel.locator('[data-status="published"]').count(), { timeout: 30_000, interval: 500 })
      .toBe(2)
    expect((await getVariant(context.db, ownerId, variantIds[2]!))!.status).toBe('published')
    await shot('panel-after-retry-id-1280')
    expect(pageErrors).toEqual([])
  })

  it('speaks English when chosen, times still in WIB', async () => {
    await page.getByRole('button', { name: 'English' }).first().click()
    const panel = page.getByRole('region', { name: 'Publishing' })
    await panel.waitFor()
    await panel
      .getByText(/Metrics read .* WIB/)
      .first()
      .waitFor()
    await panel.getByText('Send again').first().waitFor()
    await expectAccessible('the publications panel in English')
    await shot('panel-en-1280')
    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('panel-en-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })
})
