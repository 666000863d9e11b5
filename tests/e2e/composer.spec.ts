// The composer journey in a real browser against the real server: a pengelola writes a post containing a NIK,
// sees the blocking finding marked in the text with its Indonesian message, fixes it, and submits it for review.
// They cannot approve it themself; the penanggung jawab is told by e-mail (read from an SMTP server started here,
// sent through the outbox and the job runner), approves it in the Antrean persetujuan, and the post is scheduled.
// The job runner publishes it to a sandbox account (Mode Latihan) and to a Bluesky account on the local AT Protocol
// network (tests/support/bluesky-network.ts), a citizen likes it there, its metrics are read, and the Arsip terbit
// shows it with them. Then the inbox (issue #9's journey): the post made both accounts hot, so the worker polls
// them every few seconds on its own; a citizen's reply on the network and a sandbox citizen's comment appear in
// the inbox, classified, within 10 s; the pengelola answers the Bluesky one with a saved reply picked by keyboard,
// the reply is read back from the AppView, and the penanggung jawab sees the first-response time in the numbers.
// It extends this file rather than starting the network again: the publication through Warta is what makes the
// accounts hot, and one network start less keeps npm test inside its budget.
// Pages are checked with axe, and at phone width (390×844) for sideways scrolling.
// Screenshots land in test-results/screenshots/ (prefixes p- and inbox-bluesky-).
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { accounts, inboxItems, posts, postVariants, units, users } from '../../src/db/schema/index.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { collectPostMetrics } from '../../src/features/metrics/collect-post-metrics.ts'
import { publishDepsOf } from '../../src/features/publishing/publishing-deps.ts'
import { commentAsCitizen } from '../../src/features/sandbox/sandbox-network-store.ts'
import { sweepVariants } from '../../src/features/publishing/publish-variant.ts'
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { AtpAgent, AtUri } from '@atproto/api'
import { loginAs } from '../support/auth.ts'
import { startBlueskyNetwork, type BlueskyNetwork } from '../support/bluesky-network.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../support/fixtures.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import { createE2eContext, serveE2eApp } from '../support/e2e-server.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WAIT_MS = 15_000
const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const NIK = '3171011708450001'
/** The registry's screenshots are taken at this desktop width. */
const REGISTRY_DESKTOP = { width: 1280, height: 900 }
/** The Bluesky account's handle on the local network (dev-env's PDS serves handles under .test). */
const BLUESKY_HANDLE = 'dinkes-kota.test'

let context: AppContext
let app: FastifyInstance
let baseUrl: string
let browser: Browser
let session: BrowserContext
let page: Page
const pageErrors: string[] = []
let smtp: SMTPServer
let runner: JobRunner
let pj: Awaited<ReturnType<typeof seed>>['pj']
let seeded: Awaited<ReturnType<typeof seed>>
/**
 * The penanggung jawab's session from connecting the accounts, used again later: a second login within the same
 * 30-second TOTP step would reuse a spent code and be refused.
 */
let pjLogin: Awaited<ReturnType<typeof loginAs>>
/** The citizen of the local network who replied to the post (created in the publishing test). */
let citizen: AtpAgent
let pengelolaHeaders: Record<string, string>
let network: BlueskyNetwork
const inbox: Array<{ to: string[]; raw: string }> = []

async function shot(name: string): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  await page.screenshot({ path: `${SHOTS}p-${name}.png`, fullPage: true })
}

async function expectAccessible(label: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${label}`).toEqual([])
}

async function seed(db: AppContext['db']) {
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  const dinkes = await createTestUnit(db, owner, owner.rootUnit, 'DINKES')
  await db.update(units).set({ name: 'Dinas Kesehatan', kind: 'dinas' }).where(eq(units.id, dinkes.id))
  const totpSecret = generateTotpSecret()
  const pj = {
    ...(await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }], {
      email: 'rina@kotacontoh.go.id',
      totpSecret,
    })),
    totpSecret,
  }
  const pengelola = await createTestUser(db, owner, [{ unitId: dinkes.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  const [sandbox, bluesky] = await db
    .insert(accounts)
    .values([
      {
        instansiId: owner.id,
        unitId: dinkes.id,
        platform: 'sandbox',
        handle: 'humas.dinkes',
        url: 'https://sandbox.warta.local/@humas.dinkes',
        penanggungJawabUserId: pj.id,
      },
      {
        instansiId: owner.id,
        unitId: dinkes.id,
        platform: 'bluesky',
        handle: BLUESKY_HANDLE,
        url: `https://bsky.app/profile/${BLUESKY_HANDLE}`,
        penanggungJawabUserId: pj.id,
      },
    ])
    .returning({ id: accounts.id })
  return {
    owner,
    dinkesId: dinkes.id,
    pengelola,
    pj,
    sandboxAccountId: sandbox!.id,
    blueskyAccountId: bluesky!.id,
  }
}

/**
 * The penanggung jawab connects both accounts through the API: the sandbox one needs no credentials; the Bluesky
 * one is an account on the local network holding only an app password, as a real office would connect it.
 */
async function connectAccounts(seeded: Awaited<ReturnType<typeof seed>>): Promise<void> {
  const owner = new AtpAgent({ service: network.pdsUrl })
  await owner.createAccount({
    handle: BLUESKY_HANDLE,
    email: 'humas@dinkes-kota.test',
    password: 'kata-sandi-akun-bluesky-dinkes',
  })
  const { data } = await owner.com.atproto.server.createAppPassword({ name: 'warta' })
  pjLogin = await loginAs(app, seeded.pj)
  const { headers } = pjLogin
  const connections: Array<[string, Record<string, unknown>]> = [
    [seeded.sandboxAccountId, {}],
    [seeded.blueskyAccountId, { credentials: { service: network.pdsUrl, appPassword: data.password } }],
  ]
  for (const [accountId, payload] of connections) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/accounts/${accountId}/connection`,
      headers,
      payload,
    })
    expect(response.statusCode, response.body).toBe(200)
  }
}

/**
 * The collect-post-metrics job's work for the readings due an hour after publishing, run now: the spec cannot
 * wait an hour, so the clock it gives the collector is an hour and a minute ahead. Returns how many it read.
 */
async function collectFirstReadingsNow(): Promise<number> {
  const inAnHour = new Date(Date.now() + 61 * 60_000)
  const result = await collectPostMetrics({ ...publishDepsOf(context), clock: { now: () => inAnHour } })
  return result.read
}

// The journey publishes to the local Bluesky network: where scripts/test.js could not install it (no PostgreSQL
// programs or compiler; never under CI=true, which fails instead), the whole journey is reported skipped.
const blueskyMissing = process.env.WARTA_BLUESKY_NETWORK === 'missing'

beforeAll(async () => {
  if (blueskyMissing) return
  mkdirSync(SHOTS, { recursive: true })
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, smtpSession, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          to: smtpSession.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const smtpPort = (smtp.server.address() as AddressInfo).port
  context = await createE2eContext({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_FROM: 'Warta Kota Contoh <warta@kotacontoh.go.id>',
    WARTA_PUBLIC_URL: 'http://warta.test',
    // The journey is not about the sandbox's seeded faults (the crash test is): it publishes at the first try.
    WARTA_SANDBOX_FAULTS: 'false',
  })
  ;({ app, baseUrl } = await serveE2eApp(context))
  runner = await startJobRunner(context, { relayIntervalMs: 200 })
  seeded = await seed(context.db)
  pj = seeded.pj
  network = await startBlueskyNetwork()
  await connectAccounts(seeded)
  const login = await loginAs(app, seeded.pengelola)
  pengelolaHeaders = login.headers
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
      path: `${SHOTS}p-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await runner?.close()
  await app?.close()
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  await context?.close()
  await network?.close()
})

describe.skipIf(blueskyMissing)('the composer, in the browser', () => {
  it('lets a pengelola see a NIK marked as blocking, fix it and submit the post', async () => {
    await page.goto(baseUrl)
    await page.getByRole('link', { name: 'Unggahan saya' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Unggahan saya' }).waitFor()
    await page.getByTestId('new-post').click()
    await page.getByRole('heading', { level: 1, name: 'Tulis unggahan' }).waitFor()

    await page.getByLabel('Judul').fill('Pencairan bantuan sosial tahap dua')
    await page
      .getByTestId('base-text')
      .fill(`Bantuan sosial tahap dua untuk warga dengan NIK ${NIK} sudah dapat diambil di kantor kelurahan.`)
    await page.getByLabel(/Sandbox \(Mode Latihan\) · humas\.dinkes/).check()
    await page.getByLabel(/Bluesky · dinkes-kota\.test/).check()

    // The check runs when the author pauses: the NIK is marked as blocking, with its message.
    const mark = page.getByTestId('base-findings-mark').first()
    await mark.waitFor()
    expect(await mark.getAttribute('data-severity')).toBe('block')
    expect(await mark.textContent()).toContain(NIK)
    await page.getByTestId('base-findings-finding').filter({ hasText: 'NIK adalah data pribadi' }).waitFor()
    // The open account's counter counts as its platform does: the sandbox allows 2,200 characters.
    await page.locator('[data-testid^="variant-counter-"]').filter({ hasText: '/ 2200 karakter' }).waitFor()
    await expectAccessible('composer with a blocking finding')
    await shot('composer-blocking-desktop')

    await page.setViewportSize(PHONE)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('composer-blocking-phone')
    await page.setViewportSize(DESKTOP)

    // Submitting now is refused and says why.
    await page.getByTestId('submit-post').click()
    await page.getByRole('alert').filter({ hasText: 'NIK adalah data pribadi' }).waitFor()
    await shot('composer-submit-refused-desktop')

    // Fixed: the NIK is gone, the finding disappears, and the post is submitted.
    await page
      .getByTestId('base-text')
      .fill('Bantuan sosial tahap dua sudah dapat diambil di kantor kelurahan dengan membawa KTP-el.')
    await page.getByTestId('base-findings-clean').waitFor()
    await page.getByTestId('submit-post').click()
    await page.getByRole('heading', { level: 1, name: 'Unggahan saya' }).waitFor()
    await page.getByTestId('drafts').getByText('Ditinjau').first().waitFor()
    await expectAccessible('my posts after submission')
    await shot('drafts-submitted-desktop')
    await page.setViewportSize(PHONE)
    // On a phone the list becomes cards; wait for them before measuring.
    await page.getByRole('listitem').filter({ hasText: 'Pencairan bantuan sosial' }).first().waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('drafts-submitted-phone')
    await page.setViewportSize(DESKTOP)

    const [stored] = await context.db.select().from(posts)
    expect(stored?.status).toBe('in_review')
    expect(pageErrors).toEqual([])
  })

  it('refuses the author’s own approval; the penanggung jawab, told by e-mail, approves it in the queue', async () => {
    const [stored] = await context.db.select().from(posts)
    // The author cannot approve their own post, whatever they hold: a 403 with a clear message.
    const own = await app.inject({
      method: 'POST',
      url: `/api/posts/${stored!.id}/approve`,
      headers: { ...pengelolaHeaders, 'accept-language': 'id' },
      payload: {},
    })
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toBe('Anda tidak dapat menyetujui unggahan yang Anda tulis sendiri.')

    // The penanggung jawab was told at submission, by e-mail through the outbox.
    await expect
      .poll(() => inbox.filter((mail) => mail.to.includes(pj.email)).length, {
        timeout: 25_000,
        interval: 200,
      })
      .toBe(1)
    const mail = inbox.find((m) => m.to.includes(pj.email))!
    expect(mail.raw).toMatch(/^Subject: Menunggu persetujuan Anda: Pencairan bantuan sosial tahap dua/m)
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`http://warta.test/posts/${stored!.id}`)

    const login = await loginAs(app, pj)
    const pjSession = await newOfficeSession(browser, {
      viewport: DESKTOP,
    })
    const [name, value] = login.cookie.split('=') as [string, string]
    await pjSession.addCookies([{ name, value, url: baseUrl }])
    const authorPage = page
    page = await pjSession.newPage()
    page.setDefaultTimeout(WAIT_MS)
    page.on('pageerror', (error) => pageErrors.push(error.message))
    try {
      await page.goto(baseUrl)
      await page.getByRole('link', { name: 'Antrean persetujuan' }).first().click()
      await page.getByRole('heading', { level: 1, name: 'Antrean persetujuan' }).waitFor()
      const item = page.getByTestId('queue-item')
      await item.getByText('giliran Anda').waitFor()
      await item.getByText('Bantuan sosial tahap dua sudah dapat diambil').first().waitFor()
      await expectAccessible('the approval queue')
      await shot('approval-queue-desktop')
      await page.setViewportSize(PHONE)
      await expect.poll(() => sidewaysOverflow(page)).toEqual([])
      await shot('approval-queue-phone')
      await page.setViewportSize(DESKTOP)

      await page.getByTestId('approve-post').click()
      await page.getByTestId('queue-empty').waitFor()
      const [approved] = await context.db.select().from(posts)
      expect(approved?.status).toBe('scheduled')
      const variants = await context.db.select().from(postVariants)
      expect(variants.map((variant) => variant.status)).toEqual(['scheduled', 'scheduled'])
      expect(variants.every((variant) => variant.nextAttemptAt !== null)).toBe(true)

      // The post page shows who decided.
      await page.goto(`${baseUrl}/posts/${stored!.id}`)
      await page.getByTestId('decision').filter({ hasText: 'Disetujui' }).waitFor()
      await expectAccessible('the post with its decision history')
      await shot('post-decisions-desktop')
      expect(pageErrors).toEqual([])
    } catch (error) {
      await page.screenshot({ path: `${SHOTS}p-failed-approval-queue.png`, fullPage: true })
      throw error
    } finally {
      await pjSession.close()
      page = authorPage
    }
  })

  it('publishes it to the sandbox and the Bluesky network, and the Arsip terbit shows it with its metrics', async () => {
    const [stored] = await context.db.select().from(posts)
    // Approval left it due now (no scheduled time). The worker's sweep (each minute) hands due variants to the
    // publish jobs the runner above works; it is run here at once rather than waited for.
    await sweepVariants(publishDepsOf(context))
    await expect
      .poll(
        async () =>
          (await context.db.select().from(postVariants).where(eq(postVariants.postId, stored!.id)))
            .map((variant) => variant.status)
            .sort(),
        { timeout: 60_000, interval: 500 },
      )
      .toEqual(['published', 'published'])
    const variants = await context.db.select().from(postVariants).where(eq(postVariants.postId, stored!.id))
    const bluesky = variants.find((variant) => variant.platformPostId?.startsWith('at://'))!
    const [post] = await context.db.select().from(posts).where(eq(posts.id, stored!.id))
    expect(post?.status).toBe('published')

    // On the network: the post is there under the account, and a citizen likes and replies to it.
    const uri = new AtUri(bluesky.platformPostId!)
    expect(bluesky.platformPostUrl).toBe(`https://bsky.app/profile/${uri.host}/post/${uri.rkey}`)
    citizen = new AtpAgent({ service: network.pdsUrl })
    await citizen.createAccount({
      handle: 'warga-kota.test',
      email: 'warga@kota.test',
      password: 'kata-sandi-warga',
    })
    const { data: record } = await citizen.com.atproto.repo.getRecord({
      repo: uri.host,
      collection: uri.collection,
      rkey: uri.rkey,
    })
    expect((record.value as { text?: string }).text).toContain('Bantuan sosial tahap dua')
    const ref = { uri: record.uri, cid: record.cid! }
    await citizen.like(ref.uri, ref.cid)
    await citizen.post({ text: 'Terima kasih infonya, Dinkes!', reply: { root: ref, parent: ref } })
    await network.processAll()
    expect(await collectFirstReadingsNow()).toBe(2)

    await page.setViewportSize(REGISTRY_DESKTOP)
    await page.goto(baseUrl)
    await page.getByRole('link', { name: 'Arsip terbit' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Arsip terbit' }).waitFor()
    const table = page.getByTestId('published-table')
    const blueskyRow = table.getByRole('row').filter({ hasText: BLUESKY_HANDLE })
    await blueskyRow.getByText('1 suka · 0 dibagikan · 1 balasan').waitFor()
    expect(await blueskyRow.getByRole('link', { name: 'Buka' }).getAttribute('href')).toBe(
      bluesky.platformPostUrl,
    )
    await table.getByRole('row').filter({ hasText: 'humas.dinkes' }).getByText('Terbit').waitFor()
    const totals = page.getByTestId('published-totals')
    expect(await totals.textContent()).toMatch(/Unggahan\s*1/)
    await expectAccessible('the published registry')
    await shot('published-registry-id-1280')
    await page.setViewportSize(PHONE)
    await page.getByRole('listitem').filter({ hasText: BLUESKY_HANDLE }).first().waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('published-registry-id-390')

    // The same in English.
    await page.setViewportSize(REGISTRY_DESKTOP)
    await page
      .getByRole('button', { name: /English/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: 'Published' }).waitFor()
    await page.getByText('Likes 1 · shares 0 · replies 1').waitFor()
    await expectAccessible('the published registry in English')
    await shot('published-registry-en-1280')
    await page.setViewportSize(PHONE)
    await page.getByRole('listitem').filter({ hasText: BLUESKY_HANDLE }).first().waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('published-registry-en-390')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })

  it('brings a citizen’s Bluesky reply and a sandbox comment into the inbox within 10 s, answered with a saved reply', async () => {
    const [stored] = await context.db.select().from(posts)
    const variants = await context.db.select().from(postVariants).where(eq(postVariants.postId, stored!.id))
    const blueskyPost = variants.find((variant) => variant.platformPostId?.startsWith('at://'))!
    const sandboxPost = variants.find((variant) => variant !== blueskyPost)!
    // The office's saved reply, written by the penanggung jawab for the unit.
    const created = await app.inject({
      method: 'POST',
      url: '/api/saved-replies',
      headers: pjLogin.headers,
      payload: {
        unitId: seeded.dinkesId,
        title: 'Syarat pengambilan bansos',
        body: 'Terima kasih {nama}. Bantuan dapat diambil sendiri atau diwakilkan keluarga dengan membawa KTP-el dan KK ke kantor kelurahan, Senin–Jumat pukul 08.00–14.00 WIB.',
      },
    })
    expect(created.statusCode, created.body).toBe(200)

    // The pengelola watches the inbox (in Indonesian again: the publishing test switched to English).
    await context.db.update(users).set({ locale: 'id' }).where(eq(users.id, seeded.pengelola.id))
    await page.setViewportSize(REGISTRY_DESKTOP)
    await page.goto(`${baseUrl}/inbox`)
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor()

    // A citizen replies on the network, and a sandbox citizen comments, at the same moment. Nothing in the test
    // polls: the worker's own chain of polls (the accounts are hot since the post) must fetch them.
    const question = 'Apakah pengambilan bantuannya boleh diwakilkan keluarga? Syaratnya apa saja ya?'
    const complaint =
      'Bantuan tahap satu sampai sekarang belum cair, kami sudah menunggu dua bulan. Pelayanannya lambat sekali.'
    const postUri = new AtUri(blueskyPost.platformPostId!)
    const { data: record } = await citizen.com.atproto.repo.getRecord({
      repo: postUri.host,
      collection: postUri.collection,
      rkey: postUri.rkey,
    })
    const ref = { uri: record.uri, cid: record.cid! }
    const writtenAt = Date.now()
    const [{ uri: questionUri }] = await Promise.all([
      citizen.post({ text: question, reply: { root: ref, parent: ref } }),
      commentAsCitizen(context, seeded.owner.id, sandboxPost.platformPostId!, {
        text: complaint,
        authorHandle: 'ibu.sari',
        authorName: 'Ibu Sari',
      }),
    ])
    const arrival = async (text: string) => {
      const row = page.getByTestId('inbox-row').filter({ hasText: text.slice(0, 40) })
      await row.getByTestId('inbox-row-intent').waitFor({ timeout: 10_000 })
      return { row, seconds: (Date.now() - writtenAt) / 1000 }
    }
    const [onBluesky, onSandbox] = await Promise.all([arrival(question), arrival(complaint)])
    console.log(
      `inbox arrival after writing: bluesky=${onBluesky.seconds.toFixed(1)} s sandbox=${onSandbox.seconds.toFixed(1)} s`,
    )
    expect(onBluesky.seconds).toBeLessThan(10)
    expect(onSandbox.seconds).toBeLessThan(10)
    expect(await onBluesky.row.getByTestId('inbox-row-intent').textContent()).toBe('Pertanyaan')
    expect(await onSandbox.row.getByTestId('inbox-row-sentiment').textContent()).toBe('Negatif')
    const [item] = await context.db.select().from(inboxItems).where(eq(inboxItems.externalId, questionUri))
    expect(item).toMatchObject({ platform: 'bluesky', parentExternalId: blueskyPost.platformPostId })

    // The pengelola opens the Bluesky item and answers with the saved reply, chosen by keyboard.
    await onBluesky.row.click()
    await page.getByTestId('inbox-thread').getByText(question).first().waitFor()
    const picker = page.getByTestId('inbox-saved-reply')
    await expect.poll(() => picker.isEnabled()).toBe(true)
    await picker.focus()
    await page.keyboard.press('ArrowDown')
    await page.getByRole('option', { name: 'Syarat pengambilan bansos' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const reply = page.getByTestId('inbox-reply')
    await expect.poll(() => reply.inputValue()).toContain('Terima kasih @warga-kota.test.')
    const text = await reply.inputValue()
    expect(text).not.toContain('[[')
    await page.screenshot({ path: `${SHOTS}inbox-bluesky-id-1280-saved-reply.png` })
    // Sent straight away: a slow axe run here once saw the draft emptied by a re-rendered pane (in the report).
    await page.getByRole('button', { name: 'Kirim balasan' }).click()
    await page.getByTestId('inbox-timeline').getByText(text).waitFor()
    await expect.poll(async () => seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}inbox-bluesky-id-1280.png`, fullPage: true })

    // On the network: the AppView shows the office's reply under the citizen's post, its text filled in.
    await network.processAll()
    const { data: thread } = await citizen.getPostThread({ uri: questionUri, depth: 1 })
    const replies = 'replies' in thread.thread ? (thread.thread.replies ?? []) : []
    const answers = replies.flatMap((node) =>
      'post' in node && node.post.author.handle === BLUESKY_HANDLE
        ? [node.post.record as { text?: string; reply?: { parent?: { uri?: string } } }]
        : [],
    )
    expect(answers.map((record) => record.text)).toEqual([text])
    expect(answers[0]!.reply?.parent?.uri).toBe(questionUri)

    // In English on a phone: the answered item in its tab, then its thread with the reply, nothing wider than
    // the screen.
    await context.db.update(users).set({ locale: 'en' }).where(eq(users.id, seeded.pengelola.id))
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/inbox?tab=answered`)
    await page
      .getByTestId('inbox-row')
      .filter({ hasText: question.slice(0, 40) })
      .waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await expect.poll(async () => seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}inbox-bluesky-en-390.png`, fullPage: true })
    await page
      .getByTestId('inbox-row')
      .filter({ hasText: question.slice(0, 40) })
      .click()
    await page.getByTestId('inbox-timeline').getByText(text).waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}inbox-bluesky-en-390-thread.png`, fullPage: true })
    await page.setViewportSize(DESKTOP)

    // The penanggung jawab reads the first-response time in the numbers.
    const pjSession = await newOfficeSession(browser, {
      viewport: REGISTRY_DESKTOP,
    })
    const [name, value] = pjLogin.cookie.split('=') as [string, string]
    await pjSession.addCookies([{ name, value, url: baseUrl }])
    const numbers = await pjSession.newPage()
    numbers.setDefaultTimeout(WAIT_MS)
    numbers.on('pageerror', (error) => pageErrors.push(error.message))
    try {
      const figures = await app.inject({ url: '/api/inbox-numbers', headers: pjLogin.headers })
      const median = figures.json<{
        overall: { medianFirstResponseSeconds: number | null; answered: number }
      }>().overall
      expect(median.answered).toBeGreaterThanOrEqual(1)
      expect(median.medianFirstResponseSeconds).toBeGreaterThanOrEqual(0)
      expect(median.medianFirstResponseSeconds).toBeLessThan(10 * 60)
      await numbers.goto(`${baseUrl}/inbox-numbers`)
      await numbers.getByRole('heading', { level: 1, name: 'Angka kotak masuk' }).waitFor()
      const cell = numbers
        .getByTestId('inbox-numbers-overall')
        .locator('div')
        .filter({ has: numbers.getByText('Median respons pertama', { exact: true }) })
        .locator('dd')
      await expect.poll(() => cell.textContent()).toMatch(/^(< 1 mnt|\d mnt)$/)
      console.log(`first response median on the page: ${await cell.textContent()}`)
      expect(await seriousAxeViolations(numbers)).toEqual([])
      await numbers.screenshot({ path: `${SHOTS}inbox-bluesky-numbers-id-1280.png`, fullPage: true })
    } finally {
      await pjSession.close()
    }
    expect(pageErrors).toEqual([])
  })
})
