// The inbox in a real browser against the real server: citizens commented on a sandbox post; a pengelola opens
// the inbox, moves through it with the keyboard (j/k), opens the keys' help (?), replies (r) to the item due first
// — the reply reaches the simulated network — and closes another (e). A second operator opening the same thread
// is seen. Then the same screen in English and on a phone (one pane at a time). Last, a saved reply (jawaban baku)
// chosen with the keyboard: its unfilled placeholder blocks sending until the operator replaces it. Screenshots:
// test-results/screenshots/ (inbox-).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.ts'
import { inboxItems, sandboxInteractions, savedReplies, users } from '../../src/db/schema/index.ts'
import { seriousAxeViolations } from '../support/accessibility.ts'
import { loginAs } from '../support/auth.ts'
import { launchBrowser, newOfficeSession } from '../support/browser.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../support/fixtures.ts'
import { createInboxAccount, seedInboxItems } from '../support/inbox-fixtures.ts'
import { sidewaysOverflow } from '../support/page-fit.ts'
import type { InboxItemRow } from '../../src/db/inbox-repository.ts'
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
let dataDir: string
let items: InboxItemRow[]
let otherCookie: string
let operatorId: string
let instansiId: string
const pageErrors: string[] = []

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}inbox-${name}.png`, fullPage: true })
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  dataDir = mkdtempSync(path.join(tmpdir(), 'warta-e2e-inbox-'))
  context = await createE2eContext({ WARTA_DATA_DIR: dataDir, WARTA_SANDBOX_FAULTS: 'false' })
  ;({ app, baseUrl } = await serveE2eApp(context))
  const db = context.db
  const owner = await createTestInstansi(db, 'Pemerintah Kota Contoh')
  const unit = await createTestUnit(db, owner, owner.rootUnit, 'DINKES')
  const pj = await createTestUser(db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }])
  const operator = await createTestUser(db, owner, [{ unitId: unit.id, role: 'pengelola' }], {
    email: 'sari@kotacontoh.go.id',
  })
  const colleague = await createTestUser(db, owner, [{ unitId: unit.id, role: 'pengelola' }], {
    email: 'budi@kotacontoh.go.id',
  })
  const keyring = { secret: context.secret, previousSecrets: context.previousSecrets }
  const account = await createInboxAccount(db, owner, unit, pj.id, keyring)
  const now = Date.now()
  items = await seedInboxItems(db, owner, account, [
    {
      text: 'Kapan jadwal vaksinasi campak untuk balita di puskesmas Candisari?',
      author: 'ibu.rina',
      slaDueAt: new Date(now + 3 * HOUR),
      priority: 40,
    },
    {
      text: 'Jalan di depan pasar Johar berlubang besar, tolong segera diperbaiki sebelum ada korban.',
      author: 'pak.tono',
      slaDueAt: new Date(now - 2 * HOUR),
      priority: 60,
    },
    {
      text: 'Terima kasih informasinya, sangat membantu.',
      author: 'warga.semarang',
      slaDueAt: null,
      priority: 5,
    },
  ])
  // Classified as ingestion would leave them.
  await db
    .update(inboxItems)
    .set({ intent: 'pertanyaan', sentiment: 'netral', classifiedAt: new Date() })
    .where(eq(inboxItems.id, items[0]!.id))
  await db
    .update(inboxItems)
    .set({ intent: 'keluhan', sentiment: 'negatif', classifiedAt: new Date() })
    .where(eq(inboxItems.id, items[1]!.id))
  operatorId = operator.id
  instansiId = owner.id
  const login = await loginAs(app, operator)
  otherCookie = (await loginAs(app, colleague)).cookie
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
      path: `${SHOTS}inbox-failed-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`,
      fullPage: true,
    })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await context?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the inbox, in the browser', () => {
  it('triages with the keyboard and replies to a sandbox item', async () => {
    await page.goto(`${baseUrl}/inbox`)
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor()
    const rows = page.getByTestId('inbox-row')
    await expect.poll(() => rows.count()).toBe(3)
    // The overdue item first, marked red; no deadline last.
    expect(await rows.nth(0).textContent()).toContain('pak.tono')
    expect(await rows.nth(0).getByTestId('sla').getAttribute('data-breached')).toBe('true')
    expect(await rows.nth(2).textContent()).toContain('warga.semarang')

    await page.keyboard.press('j')
    await page.getByTestId('inbox-thread').getByText('Jalan di depan pasar Johar').first().waitFor()
    await page.keyboard.press('j')
    await page.getByTestId('inbox-thread').getByText('Kapan jadwal vaksinasi campak').first().waitFor()
    await page.keyboard.press('k')
    await expect.poll(() => page.url()).toContain(items[1]!.id)
    await page.keyboard.press('j')
    await expect.poll(() => page.url()).toContain(items[0]!.id)

    // Another operator opens the same thread: the screen says so (live, through the heartbeat or the stream).
    await fetch(`${baseUrl}/api/inbox/items/${items[0]!.id}`, { headers: { cookie: otherCookie } })
    await page.keyboard.press('?')
    await page.getByTestId('inbox-keys').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('inbox-presence').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('inbox-presence').textContent()).toContain('budi@kotacontoh.go.id')

    await page.keyboard.press('r')
    const reply = page.getByTestId('inbox-reply')
    expect(
      await reply.evaluate(
        (element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement,
      ),
    ).toBe(true)
    await reply.fill('Jadwal vaksinasi campak di Puskesmas Candisari setiap Senin pukul 08.00 WIB.')
    expect(await page.getByTestId('inbox-reply-counter').textContent()).toContain('76 / 2200')
    await expect.poll(async () => seriousAxeViolations(page)).toEqual([])
    await shot('id-1280')
    await page.getByRole('button', { name: 'Kirim balasan' }).click()
    await page.getByTestId('inbox-timeline').getByText('Terkirim').waitFor()
    const onNetwork = await context.db
      .select()
      .from(sandboxInteractions)
      .where(and(eq(sandboxInteractions.parentId, items[0]!.externalId), eq(sandboxInteractions.own, true)))
    expect(onNetwork.map((row) => row.text)).toEqual([
      'Jadwal vaksinasi campak di Puskesmas Candisari setiap Senin pukul 08.00 WIB.',
    ])
    // Answered: it left the waiting tab.
    await expect.poll(() => rows.count()).toBe(2)

    // Close the overdue one with e.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.goto(`${baseUrl}/inbox?item=${items[1]!.id}`)
    await page.getByTestId('inbox-thread').getByText('Jalan di depan pasar Johar').first().waitFor()
    await page.keyboard.press('e')
    await expect.poll(() => rows.count()).toBe(1)
    expect(pageErrors).toEqual([])
  })

  it('reads in English and fits a phone, one pane at a time', async () => {
    await context.db.update(users).set({ locale: 'en' }).where(eq(users.id, operatorId))
    await page.goto(`${baseUrl}/inbox?tab=answered`)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.getByTestId('inbox-row').first().click()
    await page.getByTestId('inbox-context').waitFor()
    await shot('en-1280')
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/inbox?tab=waiting`)
    await page.getByTestId('inbox-phone').waitFor()
    await page.getByTestId('inbox-row').first().waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('en-390-list')
    await page.getByTestId('inbox-row').first().click()
    await page.getByRole('button', { name: /Back to the list/ }).waitFor()
    expect(await page.getByTestId('inbox-list-pane').count()).toBe(0)
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await expect.poll(async () => seriousAxeViolations(page)).toEqual([])
    await shot('en-390-thread')
    // The phone's back goes back to the list, and so does the button.
    await page.goBack()
    await page.getByTestId('inbox-list-pane').waitFor()
    await page.getByTestId('inbox-row').first().click()
    await page.getByRole('button', { name: /Back to the list/ }).click()
    await page.getByTestId('inbox-list-pane').waitFor()
    await context.db.update(users).set({ locale: 'id' }).where(eq(users.id, operatorId))
    await page.goto(`${baseUrl}/inbox?tab=answered&item=${items[0]!.id}`)
    await page.getByRole('button', { name: /Kembali ke daftar/ }).waitFor()
    await shot('id-390-thread')
    await page.setViewportSize(DESKTOP)
    expect(pageErrors).toEqual([])
  })

  it('answers with a saved reply, refusing to send until its placeholder is replaced', async () => {
    const at = new Date()
    await context.db.insert(savedReplies).values({
      id: crypto.randomUUID(),
      instansiId,
      unitId: null,
      title: 'Terima kasih atas masukan',
      body: 'Terima kasih {nama}, masukan Anda kami catat dengan nomor {nomor_tiket}. Hubungi {kontak_unit}.',
      createdAt: at,
      updatedAt: at,
    })
    const item = items[2]!
    const pick = async () => {
      await page.goto(`${baseUrl}/inbox?item=${item.id}`)
      // The tab keeps the item's draft across the reload: empty the box, so the wait below is for the choice.
      await page.getByTestId('inbox-reply').fill('')
      const picker = page.getByTestId('inbox-saved-reply')
      await expect.poll(() => picker.isEnabled()).toBe(true)
      // Keyboard only: focus, open with the down arrow, take the highlighted reply with Enter.
      await picker.focus()
      await page.keyboard.press('ArrowDown')
      await page.getByRole('option', { name: 'Terima kasih atas masukan' }).waitFor()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('inbox-reply').inputValue()).toContain('[[kontak_unit]]')
    }

    await context.db.update(users).set({ locale: 'en' }).where(eq(users.id, operatorId))
    await pick()
    await page.getByTestId('inbox-reply-unfilled').waitFor()
    await shot('en-1280-saved-reply')
    await page.setViewportSize(PHONE)
    await pick()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('en-390-saved-reply')
    await page.setViewportSize(DESKTOP)

    await context.db.update(users).set({ locale: 'id' }).where(eq(users.id, operatorId))
    await pick()
    const reply = page.getByTestId('inbox-reply')
    const text = await reply.inputValue()
    expect(text).toContain('Terima kasih warga.semarang,')
    expect(text).toMatch(/nomor WT-[A-Z0-9]{5}-[A-Z0-9]{5}/)
    expect(await page.getByTestId('inbox-reply-unfilled').textContent()).toBe(
      'Ganti [[kontak_unit]] dengan isinya sebelum mengirim.',
    )
    const send = page.getByRole('button', { name: 'Kirim balasan' })
    expect(await send.isDisabled()).toBe(true)
    await reply.press('Control+Enter')
    await expect.poll(async () => seriousAxeViolations(page)).toEqual([])
    await shot('id-1280-saved-reply')
    await page.setViewportSize(PHONE)
    await pick()
    await page.getByTestId('inbox-reply-unfilled').waitFor()
    await expect.poll(() => sidewaysOverflow(page)).toEqual([])
    await shot('id-390-saved-reply')
    // Crossing the phone breakpoint re-mounts the panes; the reply being written survives it.
    await page.setViewportSize(DESKTOP)
    await expect.poll(() => reply.inputValue()).toBe(text)
    expect(await page.getByTestId('inbox-reply-unfilled').textContent()).toBe(
      'Ganti [[kontak_unit]] dengan isinya sebelum mengirim.',
    )

    const filled = text.replace('[[kontak_unit]]', 'humas@kotacontoh.go.id')
    await reply.fill(filled)
    expect(await page.getByTestId('inbox-reply-unfilled').count()).toBe(0)
    await send.click()
    await page.getByTestId('inbox-timeline').getByText(filled).waitFor()
    // Exactly once: Ctrl+Enter with the placeholder still there sent nothing.
    await expect
      .poll(async () =>
        (
          await context.db
            .select()
            .from(sandboxInteractions)
            .where(and(eq(sandboxInteractions.parentId, item.externalId), eq(sandboxInteractions.own, true)))
        ).map((row) => row.text),
      )
      .toEqual([filled])
    // The complaint offers its referral to SP4N-LAPOR! in the context pane.
    await page.goto(`${baseUrl}/inbox?tab=closed&item=${items[1]!.id}`)
    await page.getByTestId('inbox-handoff').getByRole('button', { name: 'Rujuk ke SP4N-LAPOR!' }).waitFor()
    await shot('id-1280-handoff')
    expect(pageErrors).toEqual([])
  })
})
