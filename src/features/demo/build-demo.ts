// "Coba dengan data contoh" and `warta demo` (issue #7 item 10): a believable regency built through the features a
// person would use — setup, units, users, accounts connected to the sandbox network, an approval chain, hoax
// claims, posts written, submitted, approved and published by the engine — with three months of history: the
// clock is moved through the past while the same functions run, the simulated citizens (simulate-citizens.ts) react
// to each published post round by round, and the metrics are read through the sandbox connector at +1 h, +24 h and
// +7 d into post_metrics. Dates are relative to now; choices come from a seed, so two builds with one seed differ
// only in ids, times of day relative to now and the generated passwords.
//
// Only into an empty deployment (loadDemo refuses otherwise), in one transaction: a failure leaves nothing behind,
// and the first-run wizard stays on screen. The deployment is then marked as a demo (deployment_settings 'demo'),
// which the shell shows as a "Data contoh" banner.
import { randomBytes } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import { loadOrCreateDeploymentValue } from '../../db/deployment-settings-repository.ts'
import { DEMO_DEPLOYMENT_KEY } from './demo-deployment.ts'
import { anyInstansiExists, lockInstansiCreation } from '../../db/instansi-repository.ts'
import {
  metricReadingsOf,
  recordMetricReading,
  type MetricCheckpoint,
} from '../../db/post-metrics-repository.ts'
import { getVariant, setVariantMetrics } from '../../db/post-variants-repository.ts'
import { recordSuccessfulLogin, type UserRow } from '../../db/users-repository.ts'
import type { StoredMetrics } from '../../db/schema/index.ts'
import type { Role } from '../../shared/roles.ts'
import type { Actor } from '../access/policy.ts'
import { createAccount } from '../accounts/manage-accounts.ts'
import { setChain } from '../approvals/manage-approval-chains.ts'
import { AppError } from '../app-error.ts'
import { originOf, recordChange } from '../audit/record-change.ts'
import { runForAccount } from '../connections/account-connector.ts'
import { connectAccount } from '../connections/manage-connections.ts'
import { createHoaxClaim } from '../hoax/manage-hoax-claims.ts'
import type { RequestMeta } from '../identity/identity-deps.ts'
import { loadActor } from '../identity/load-actor.ts'
import { generateTemporaryPassword } from '../identity/password.ts'
import { createSession, type NewSessionResult } from '../identity/sessions.ts'
import { decidePost } from '../posts/decide-post.ts'
import { createDraft, type DraftInput, type PostDeps, type PostView } from '../posts/manage-posts.ts'
import { submitPost } from '../posts/submit-post.ts'
import { publishVariant, type PublishDeps } from '../publishing/publish-variant.ts'
import { CITIZEN_ROUNDS, simulateCitizenRound } from '../sandbox/simulate-citizens.ts'
import { createInstansi } from '../setup/create-instansi.ts'
import { createUnit } from '../units/manage-units.ts'
import { insertUserWithGrants, setTrainingMode } from '../users/manage-users.ts'
import { demoInbox, type DemoInboxCounts } from './build-demo-inbox.ts'
import {
  DEMO_ACCOUNTS,
  DEMO_HOAX_CLAIMS,
  DEMO_INSTANSI,
  DEMO_PEOPLE,
  DEMO_UNCONNECTED_ACCOUNT,
  DEMO_UNITS,
  DEMO_VILLAGES,
  type DemoAccount,
  type DemoAccountKey,
  type DemoPersonKey,
  type DemoTopic,
  type DemoUnitKey,
} from './demo-content.ts'

export const DEFAULT_DEMO_SEED = 2026
export const DEMO_HISTORY_DAYS = 90

export interface DemoDeps {
  db: Db
  clock: Clock
  config: Config
  secret: string
  previousSecrets: readonly string[]
}

export interface DemoOptions {
  seed: number
  /** The instansi's slug (and e-mail domain); tests give each build its own. */
  slug?: string | undefined
  historyDays?: number | undefined
}

export interface DemoLogin {
  email: string
  name: string
  role: Role
  unitName: string
  /** Generated for this build and shown once. */
  password: string
  trainingMode: boolean
  twoFactorRequired: boolean
}

export interface DemoCounts {
  units: number
  users: number
  accounts: number
  posts: number
  published: number
  scheduled: number
  inReview: number
  drafts: number
  /** The inbox once the office worked its history. */
  inbox: DemoInboxCounts
}

export interface BuiltDemo {
  instansiId: string
  rootUnitId: string
  slug: string
  admin: UserRow
  logins: DemoLogin[]
  counts: DemoCounts
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** When each citizen round comes after publishing (simulate-citizens.ts ROUND_OFFSETS_MS). */
const ROUND_AFTER_MS = [60_000, 5 * 60_000, 15 * 60_000, HOUR, 3 * HOUR, 12 * HOUR]
const CHECKPOINTS: ReadonlyArray<{ checkpoint: MetricCheckpoint; afterMs: number; rounds: number }> = [
  { checkpoint: '1h', afterMs: HOUR, rounds: 4 },
  { checkpoint: '24h', afterMs: DAY, rounds: 6 },
  { checkpoint: '7d', afterMs: 7 * DAY, rounds: 6 },
]

/** A small seeded generator (mulberry32): the same seed gives the same demo. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A clock the builder moves through the demo's past; every feature reads its time from it. */
class DemoClock implements Clock {
  private at: Date
  constructor(at: Date) {
    this.at = at
  }
  now(): Date {
    return new Date(this.at)
  }
  set(at: Date): void {
    this.at = at
  }
}

/**
 * Loads the demo into an empty deployment (the wizard and `warta demo`), refusing when any instansi exists, and
 * marks the deployment as a demo. One transaction.
 */
export async function loadDemo(deps: DemoDeps, options: DemoOptions, meta: RequestMeta): Promise<BuiltDemo> {
  return deps.db.transaction(async (tx) => {
    await lockInstansiCreation(tx)
    if (await anyInstansiExists(tx)) throw new AppError('conflict', 'demo.deployment_not_empty')
    const built = await buildDemoInstansi({ ...deps, db: tx }, options, meta)
    await loadOrCreateDeploymentValue(tx, DEMO_DEPLOYMENT_KEY, () => built.slug)
    return built
  })
}

/** The wizard's path: loadDemo, then the demo admin signed in (2FA enrolment follows, as after a normal setup). */
export async function runDemoSetup(
  deps: DemoDeps,
  options: DemoOptions,
  meta: RequestMeta,
): Promise<BuiltDemo & NewSessionResult> {
  const built = await loadDemo(deps, options, meta)
  return deps.db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, built.admin.id, deps.clock.now())
    const session = await createSession(
      deps,
      tx,
      built.admin,
      { twoFactorPassed: false, method: 'setup' },
      meta,
    )
    return { ...built, ...session }
  })
}

interface Built {
  units: Map<DemoUnitKey, { id: string; name: string }>
  people: Map<DemoPersonKey, { user: UserRow; actor: Actor }>
  accounts: Map<DemoAccountKey, string>
}

/**
 * Builds the demo instansi in `deps.db` (a transaction of the caller's, or a test database that already holds
 * other instansi), without the emptiness check.
 */
export async function buildDemoInstansi(
  deps: DemoDeps,
  options: DemoOptions,
  meta: RequestMeta,
): Promise<BuiltDemo> {
  const now = deps.clock.now()
  const historyDays = options.historyDays ?? DEMO_HISTORY_DAYS
  const slug = options.slug ?? DEMO_INSTANSI.slug
  const domain = `${slug}.example`
  const random = seededRandom(options.seed)
  const clock = new DemoClock(new Date(now.getTime() - (historyDays + 1) * DAY))
  const featureDeps = {
    db: deps.db,
    clock,
    config: { ...deps.config, mail: undefined, sandboxFaults: false },
    secret: deps.secret,
    previousSecrets: deps.previousSecrets,
  }
  const postDeps: PostDeps = { db: deps.db, clock, mailEnabled: false }
  const publishDeps: PublishDeps = {
    db: deps.db,
    clock,
    secret: deps.secret,
    previousSecrets: deps.previousSecrets,
    config: { sandboxFaults: false },
    mailEnabled: false,
    random,
  }

  // 1. The instansi, its first admin, units, people.
  const passwords = new Map<DemoPersonKey, string>()
  const passwordOf = (key: DemoPersonKey) => {
    const existing = passwords.get(key)
    if (existing) return existing
    const fresh = generateTemporaryPassword(randomBytes)
    passwords.set(key, fresh)
    return fresh
  }
  const adminPerson = DEMO_PEOPLE.find((person) => person.key === 'admin')!
  const created = await createInstansi(
    featureDeps,
    {
      instansiName: options.slug ? `${DEMO_INSTANSI.name} (${slug})` : DEMO_INSTANSI.name,
      slug,
      rootUnitName: DEMO_INSTANSI.rootUnitName,
      rootUnitCode: DEMO_INSTANSI.rootUnitCode,
      adminName: adminPerson.name,
      adminEmail: `${adminPerson.local}@${domain}`,
      adminPassword: passwordOf('admin'),
    },
    'demo',
    meta,
    // The passwords are shown to the person who loaded the demo: they are its only user, so none must be changed.
    { passwordChosenByAdmin: true },
  )
  const built: Built = { units: new Map(), people: new Map(), accounts: new Map() }
  built.units.set('root', { id: created.rootUnitId, name: DEMO_INSTANSI.rootUnitName })
  const adminActor = (await loadActor(deps.db, created.admin, 'session')).actor
  built.people.set('admin', { user: created.admin, actor: adminActor })
  for (const unit of DEMO_UNITS) {
    const view = await createUnit(
      featureDeps,
      adminActor,
      { parentId: built.units.get(unit.parent)!.id, code: unit.code, name: unit.name },
      meta,
    )
    built.units.set(unit.key, { id: view.id, name: unit.name })
  }
  for (const person of DEMO_PEOPLE) {
    if (person.key === 'admin') continue
    const { user } = await insertUserWithGrants(
      deps.db,
      {
        email: `${person.local}@${domain}`,
        name: person.name,
        password: passwordOf(person.key),
        passwordChosenByUser: true,
        grants: [{ unitId: built.units.get(person.unit)!.id, role: person.role }],
      },
      originOf(adminActor),
      meta,
      clock.now(),
    )
    const actor = (await loadActor(deps.db, user, 'session')).actor
    built.people.set(person.key, { user, actor })
    if (person.trainee) await setTrainingMode(featureDeps, adminActor, user.id, true, meta)
  }
  const person = (key: DemoPersonKey) => built.people.get(key)!

  // 2. Accounts on the sandbox network, connected; one real platform's account registered but not connected.
  for (const account of DEMO_ACCOUNTS) {
    const view = await createAccount(
      featureDeps,
      adminActor,
      {
        unitId: built.units.get(account.unit)!.id,
        platform: 'sandbox',
        handle: account.handle,
        displayName: account.displayName,
        penanggungJawabUserId: person(account.penanggungJawab).user.id,
        pengelola: [{ userId: person(account.pengelola).user.id }],
        verificationStatus: 'verified',
        platformTwoFactor: true,
        status: 'active',
        notes: 'Akun sandbox (Mode Latihan) untuk data contoh.',
      },
      meta,
    )
    built.accounts.set(account.key, view.id)
    await connectAccount(featureDeps, adminActor, view.id, {}, meta)
  }
  await createAccount(
    featureDeps,
    adminActor,
    {
      unitId: built.units.get(DEMO_UNCONNECTED_ACCOUNT.unit)!.id,
      platform: DEMO_UNCONNECTED_ACCOUNT.platform,
      handle: DEMO_UNCONNECTED_ACCOUNT.handle,
      displayName: DEMO_UNCONNECTED_ACCOUNT.displayName,
      penanggungJawabUserId: person(DEMO_UNCONNECTED_ACCOUNT.penanggungJawab).user.id,
      pengelola: [{ userId: person('putri').user.id }],
      verificationStatus: 'verified',
      platformTwoFactor: true,
      status: 'active',
      notes: 'Akun platform sungguhan: belum dihubungkan pada data contoh.',
    },
    meta,
  )

  // 3. One approval chain for the whole instansi, and the hoax knowledge base.
  await setChain(
    featureDeps,
    adminActor,
    { unitId: created.rootUnitId },
    {
      steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
      rescheduleRequiresApproval: true,
      crisisApproverIds: [person('hendra').user.id],
    },
    meta,
  )
  for (const claim of DEMO_HOAX_CLAIMS) {
    // The facts are the penanggung jawab's to answer for (hoax.manage), not the admin's.
    await createHoaxClaim(
      featureDeps,
      person('hendra').actor,
      {
        label: claim.label,
        claim: claim.claim,
        facts: claim.facts,
        sources: claim.sources,
        firstSeenOn: isoDate(new Date(now.getTime() - 40 * DAY)),
        clarifiedOn: isoDate(new Date(now.getTime() - 39 * DAY)),
        unitIds: claim.units.map((key) => built.units.get(key)!.id),
        variants: claim.variants,
        keywords: claim.keywords,
      },
      meta,
    )
  }

  // The inbox: saved replies written before the history starts; the citizens' comments polled as they come.
  const inbox = demoInbox({
    deps: featureDeps,
    clock,
    instansiId: created.instansiId,
    now,
    historyDays,
    // Its own sequence: the citizens' comments differ between builds (their draws follow the posts' ids), and
    // working them must not change what the posts' generator gives afterwards.
    random: seededRandom(options.seed + 1),
    meta,
    person: (key) => person(key).actor,
    workerOf: (unitId) =>
      DEMO_ACCOUNTS.find((account) => built.units.get(account.unit)!.id === unitId)?.pengelola ?? 'putri',
    rootUnitId: created.rootUnitId,
    handoverUnitId: built.units.get('dinkes')!.id,
  })
  await inbox.createSavedReplies()

  // 4. Three months of published posts, each followed by the citizens and the metrics readings.
  const counts: DemoCounts = {
    units: DEMO_UNITS.length + 1,
    users: DEMO_PEOPLE.length,
    accounts: DEMO_ACCOUNTS.length,
    posts: 0,
    published: 0,
    scheduled: 0,
    inReview: 0,
    drafts: 0,
    inbox: { items: 0, waiting: 0, pastTarget: 0, ppidCases: 0, laporReferrals: 0 },
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const write = (
    account: DemoAccount,
    topic: DemoTopic,
    scheduledAt: Date | null,
    also: DemoAccount[] = [],
  ) => {
    const village = pick(DEMO_VILLAGES)
    const fill = (text: string) => text.replaceAll('{desa}', village)
    const input: DraftInput = {
      unitId: built.units.get(account.unit)!.id,
      title: fill(topic.title),
      kind: 'informasi',
      baseText: fill(topic.text),
      source: `${account.displayName}`,
      verificationNote: 'Dicek dengan unit pemilik kegiatan.',
      fiveWOneH: {},
      tags: [...topic.tags],
      campaign: null,
      scheduledAt: scheduledAt?.toISOString() ?? null,
      crisis: false,
      targets: [account, ...also].map((target) => built.accounts.get(target.key)!),
      variants: [],
    }
    counts.posts += 1
    return createDraft(postDeps, person(account.author).actor, input, meta)
  }
  const submit = (account: DemoAccount, post: PostView) =>
    submitPost(postDeps, person(account.author).actor, post.id, { version: post.version }, meta)

  const start = now.getTime() - historyDays * DAY
  for (let day = 0; day < historyDays; day++) {
    // About four posts a week: enough history for the charts while the wizard waits well under half a minute.
    const perDay = random() < 0.55 ? 1 : 0
    for (let n = 0; n < perDay; n++) {
      const account = pick(DEMO_ACCOUNTS)
      // Some of Humas's posts also go out on Dinas Kesehatan's account (a pengelola at the top unit may).
      const crossPost = account.key === 'humas' && random() < 0.3 ? [DEMO_ACCOUNTS[1]!] : []
      const writtenAt = start + day * DAY + (7 + Math.floor(random() * 8)) * HOUR + n * 2 * HOUR
      const publishAt = writtenAt + HOUR + Math.floor(random() * 4) * 15 * 60_000
      if (publishAt > now.getTime() - 2 * HOUR) continue
      clock.set(new Date(writtenAt))
      const draft = await write(account, pick(account.topics), new Date(publishAt), crossPost)
      clock.set(new Date(writtenAt + 5 * 60_000))
      const submitted = await submit(account, draft)
      clock.set(new Date(writtenAt + 30 * 60_000))
      await decidePost(postDeps, person(account.approver).actor, submitted.id, 'approve', {}, meta)
      let published = false
      for (const variant of submitted.variants) {
        clock.set(new Date(publishAt))
        if ((await publishVariant(publishDeps, created.instansiId, variant.id)) === 'published') {
          published = true
          await followPublished(variant.id, variant.accountId, publishAt)
        }
      }
      if (published) counts.published += 1
    }
  }

  async function followPublished(variantId: string, accountId: string, publishedAt: number): Promise<void> {
    const platformPostId = await platformPostIdOf(variantId)
    // The engine planned the +1 h / +24 h / +7 d readings when it published; the past ones are taken here, the
    // rest are left for the collect-post-metrics job.
    const planned = new Map(
      (await metricReadingsOf(deps.db, created.instansiId, [variantId])).map((row) => [
        row.checkpoint,
        row.id,
      ]),
    )
    let rounds = 0
    let latest: { metrics: StoredMetrics; at: Date } | undefined
    for (const { checkpoint, afterMs, rounds: roundsBefore } of CHECKPOINTS) {
      const dueAt = new Date(publishedAt + afterMs)
      for (; rounds < roundsBefore; rounds++) {
        const at = publishedAt + ROUND_AFTER_MS[rounds]!
        if (at > now.getTime()) break
        clock.set(new Date(at))
        const outcome = await simulateCitizenRound(
          featureDeps,
          created.instansiId,
          platformPostId,
          rounds + 1,
        )
        await inbox.afterRound(accountId, platformPostId, rounds + 1, at, outcome?.comments ?? 0)
      }
      if (dueAt.getTime() > now.getTime() || !platformPostId) continue
      // The citizens' last round is at +12 h, so the +7 d reading is the +24 h one (one call fewer per post).
      let metrics: StoredMetrics | null
      if (checkpoint === '7d' && latest) metrics = latest.metrics
      else {
        clock.set(dueAt)
        const found = await runForAccount(publishDeps, created.instansiId, accountId, (connector) =>
          connector.fetchMetrics([platformPostId]),
        )
        metrics = found.get(platformPostId) ?? null
      }
      const readingId = planned.get(checkpoint)
      if (metrics && readingId)
        await recordMetricReading(deps.db, created.instansiId, readingId, metrics, dueAt)
      if (metrics) latest = { metrics, at: dueAt }
    }
    if (rounds < CITIZEN_ROUNDS) clock.set(now)
    if (latest) await setVariantMetrics(deps.db, created.instansiId, variantId, latest.metrics, latest.at)
  }

  async function platformPostIdOf(variantId: string): Promise<string> {
    return (await getVariant(deps.db, created.instansiId, variantId))?.platformPostId ?? ''
  }

  // The office's work on the inbox over those months, and its backlog of the last days.
  await inbox.work()
  counts.inbox = await inbox.counts()

  // 5. The work of today: posts waiting for approval, scheduled in the coming days, sent back, and drafts.
  const [humas, dinkes, disdik, cibeureum] = DEMO_ACCOUNTS as [
    DemoAccount,
    DemoAccount,
    DemoAccount,
    DemoAccount,
  ]
  for (const [index, account] of [humas, dinkes, disdik, humas, dinkes].entries()) {
    clock.set(new Date(now.getTime() - (3 - index * 0.4) * HOUR))
    const at = new Date(startOfDay(now).getTime() + (index + 1) * DAY + (8 + index) * HOUR)
    const draft = await write(account, account.topics[index % account.topics.length]!, at)
    const submitted = await submit(account, draft)
    clock.set(new Date(now.getTime() - (1 - index * 0.1) * HOUR))
    await decidePost(postDeps, person(account.approver).actor, submitted.id, 'approve', {}, meta)
    counts.scheduled += 1
  }
  clock.set(new Date(now.getTime() - 50 * 60_000))
  for (const account of [dinkes, disdik]) {
    await submit(account, await write(account, account.topics[1]!, null))
    counts.inReview += 1
  }
  // The trainee's own post: to the sandbox account of his kecamatan, waiting for approval.
  const trainee = { ...cibeureum, author: 'dimas' as const }
  await submit(trainee, await write(trainee, cibeureum.topics[0]!, null))
  counts.inReview += 1
  // One sent back with a comment, as approvers do.
  const sentBack = await submit(humas, await write(humas, humas.topics[3]!, null))
  clock.set(new Date(now.getTime() - 20 * 60_000))
  await decidePost(
    postDeps,
    person('hendra').actor,
    sentBack.id,
    'request_changes',
    { comment: 'Mohon tambahkan jam acara dan lokasi parkir pengunjung.' },
    meta,
  )
  clock.set(new Date(now.getTime() - 10 * 60_000))
  await write(disdik, disdik.topics[3]!, null)
  await write(dinkes, dinkes.topics[4]!, null)
  await write(trainee, cibeureum.topics[1]!, null)
  counts.drafts += 3
  clock.set(now)

  await recordChange(
    deps.db,
    adminActor,
    meta,
    {
      action: 'demo.create',
      objectType: 'instansi',
      objectId: created.instansiId,
      after: { seed: options.seed, historyDays, ...counts },
    },
    now,
  )

  const unitName = (key: DemoUnitKey) => built.units.get(key)!.name
  return {
    instansiId: created.instansiId,
    rootUnitId: created.rootUnitId,
    slug,
    admin: created.admin,
    counts,
    logins: DEMO_PEOPLE.map((demoPerson) => ({
      email: person(demoPerson.key).user.email,
      name: demoPerson.name,
      role: demoPerson.role,
      unitName: unitName(demoPerson.unit),
      password: passwordOf(demoPerson.key),
      trainingMode: demoPerson.trainee === true,
      twoFactorRequired: demoPerson.role === 'admin' || demoPerson.role === 'penanggung_jawab',
    })),
  }
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function startOfDay(date: Date): Date {
  const day = new Date(date)
  day.setUTCHours(0, 0, 0, 0)
  return day
}
