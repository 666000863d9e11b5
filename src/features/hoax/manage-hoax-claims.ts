// The hoax knowledge base of an instansi: claims circulating about its work, its facts, the national label,
// sources, dates and the units concerned. Everyone who reads posts reads it (a draft's finding names the claim);
// a penanggung jawab on a top-level unit changes it (`hoax.manage`, instansi-wide: one knowledge base checks
// every unit's drafts; the admin, who reads no posts, has no say over content). Every change is audited; a claim is archived, never deleted, so an old finding
// can still name it.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  getHoaxClaim,
  insertHoaxClaims,
  listActiveClaimTexts,
  listHoaxClaims,
  lockHoaxClaim,
  updateHoaxClaim,
  type HoaxClaimFields,
  type HoaxClaimFilter,
  type HoaxClaimRecord,
  type HoaxClaimRow,
  type HoaxSource,
} from '../../db/hoax-claims-repository.ts'
import { findInstansiBySlug, listInstansiSlugs } from '../../db/instansi-repository.ts'
import { listUnits } from '../../db/units-repository.ts'
import type { HoaxClaim } from '../../nlp/index.ts'
import type { HoaxClaimStatus, HoaxLabel } from '../../shared/hoax-labels.ts'
import { authorize, can, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError, type FieldProblems } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { checkHoaxClaimDraft, type HoaxClaimDraft } from './hoax-claim-input.ts'

export interface HoaxDeps {
  db: Db
  clock: Clock
}

export interface HoaxUnitRef {
  id: string
  code: string
  name: string
}

export interface HoaxClaimView {
  id: string
  label: HoaxLabel
  claim: string
  facts: string
  sources: HoaxSource[]
  firstSeenOn: string | null
  clarifiedOn: string | null
  units: HoaxUnitRef[]
  variants: string[]
  keywords: string[]
  status: HoaxClaimStatus
  createdBy: string | null
  updatedBy: string | null
  createdAt: string
  updatedAt: string
  archivedAt: string | null
}

export interface HoaxClaimListView {
  items: HoaxClaimView[]
  /** Whether the person may add, change, archive and import claims (the page shows those controls). */
  canManage: boolean
}

/** Reading: anyone who sees posts anywhere (whoever manages the knowledge base does). */
export function requireHoaxReader(actor: Actor): void {
  if (unitScope(actor, 'post.read').pathPrefixes.length > 0) return
  if (unitScope(actor, 'hoax.manage').pathPrefixes.length > 0) return
  const needed: Action = 'post.read'
  throw new AppError('forbidden', 'common.forbidden_action', { action: needed })
}

export function mayManageHoax(actor: Actor): boolean {
  return can(actor, 'hoax.manage', { instansiId: actor.instansiId })
}

export function requireHoaxManager(actor: Actor): void {
  authorize(actor, 'hoax.manage', { instansiId: actor.instansiId })
}

/** Every unit of the instansi (archived ones too: an older claim may name one), by id. */
export async function unitsOfInstansi(
  db: Db,
  instansiId: string,
): Promise<Map<string, HoaxUnitRef & { active: boolean }>> {
  const rows = await listUnits(db, { instansiId, pathPrefixes: ['/'], includeArchived: true })
  return new Map(
    rows.map((unit) => [
      unit.id,
      { id: unit.id, code: unit.code, name: unit.name, active: !unit.archivedAt },
    ]),
  )
}

export function toHoaxClaimView(
  record: HoaxClaimRecord,
  units: ReadonlyMap<string, HoaxUnitRef>,
): HoaxClaimView {
  return {
    id: record.id,
    label: record.label,
    claim: record.claim,
    facts: record.facts,
    sources: record.sources,
    firstSeenOn: record.firstSeenOn,
    clarifiedOn: record.clarifiedOn,
    units: record.unitIds.flatMap((id) => {
      const unit = units.get(id)
      return unit ? [{ id: unit.id, code: unit.code, name: unit.name }] : []
    }),
    variants: record.variants,
    keywords: record.keywords,
    status: record.status,
    createdBy: record.createdByName,
    updatedBy: record.updatedByName,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    archivedAt: record.archivedAt?.toISOString() ?? null,
  }
}

/** What the audit log keeps of a claim: the fields a person sets and its status. */
export function hoaxClaimSnapshot(
  row: HoaxClaimFields & { status?: HoaxClaimStatus },
): Record<string, unknown> {
  return {
    label: row.label,
    claim: row.claim,
    facts: row.facts,
    sources: row.sources,
    firstSeenOn: row.firstSeenOn,
    clarifiedOn: row.clarifiedOn,
    unitIds: row.unitIds,
    variants: row.variants,
    keywords: row.keywords,
    ...(row.status ? { status: row.status } : {}),
  }
}

function invalid(errors: FieldProblems): AppError {
  // A unit id that is not the instansi's is answered like any other instansi's id: not found (the form offers
  // only the instansi's own units, so only a probe sends one).
  if (Object.values(errors).some((found) => found.key === 'hoax.unit_unknown'))
    return new AppError('not_found', 'hoax.unit_unknown', undefined, errors)
  return new AppError('invalid_input', 'hoax.invalid', { count: Object.keys(errors).length }, errors)
}

export async function listHoaxClaimViews(
  deps: HoaxDeps,
  actor: Actor,
  filter: HoaxClaimFilter,
): Promise<HoaxClaimListView> {
  requireHoaxReader(actor)
  const [records, units] = await Promise.all([
    listHoaxClaims(deps.db, actor.instansiId, filter),
    unitsOfInstansi(deps.db, actor.instansiId),
  ])
  return { items: records.map((record) => toHoaxClaimView(record, units)), canManage: mayManageHoax(actor) }
}

async function loadClaim(db: Db, actor: Actor, id: string): Promise<HoaxClaimRecord> {
  const record = await getHoaxClaim(db, actor.instansiId, id)
  if (!record) throw new AppError('not_found', 'hoax.not_found')
  return record
}

export async function getHoaxClaimView(deps: HoaxDeps, actor: Actor, id: string): Promise<HoaxClaimView> {
  requireHoaxReader(actor)
  const [record, units] = await Promise.all([
    loadClaim(deps.db, actor, id),
    unitsOfInstansi(deps.db, actor.instansiId),
  ])
  return toHoaxClaimView(record, units)
}

/** The ids a new or changed claim may name: the instansi's active units, and those the claim already names. */
function allowedUnitIds(
  units: ReadonlyMap<string, { active: boolean }>,
  current: readonly string[] = [],
): Set<string> {
  const ids = new Set(current)
  for (const [id, unit] of units) if (unit.active) ids.add(id)
  return ids
}

export async function createHoaxClaim(
  deps: HoaxDeps,
  actor: Actor,
  draft: HoaxClaimDraft,
  meta: ChangeMeta,
): Promise<HoaxClaimView> {
  requireHoaxManager(actor)
  const units = await unitsOfInstansi(deps.db, actor.instansiId)
  const check = checkHoaxClaimDraft(draft, allowedUnitIds(units))
  if (!check.ok) throw invalid(check.errors)
  const id = randomUUID()
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await insertHoaxClaims(tx, [
      { ...check.value, id, instansiId: actor.instansiId, userId: actorUserId(actor), now },
    ])
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'hoax_claim.create',
        objectType: 'hoax_claim',
        objectId: id,
        after: hoaxClaimSnapshot({ ...check.value, status: 'active' }),
      },
      now,
    )
  })
  return getHoaxClaimView(deps, actor, id)
}

/** The user behind a change; null for the CLI, which acts without one. */
export function actorUserId(actor: Actor): string | null {
  return actor.via === 'cli' || actor.userId === '' ? null : actor.userId
}

/** The fields that differ, as before/after snapshots with only those fields (the audit entry stays small). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {}
  const changedAfter: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    changedBefore[key] = before[key]
    changedAfter[key] = after[key]
  }
  if (Object.keys(changedAfter).length === 0) return null
  // The claim is kept on both sides so the audit viewer can name the object.
  return {
    before: { claim: before.claim, ...changedBefore },
    after: { claim: after.claim, ...changedAfter },
  }
}

function fieldsOf(row: HoaxClaimRow): HoaxClaimFields {
  return {
    label: row.label,
    claim: row.claim,
    facts: row.facts,
    sources: row.sources,
    firstSeenOn: row.firstSeenOn,
    clarifiedOn: row.clarifiedOn,
    unitIds: row.unitIds,
    variants: row.variants,
    keywords: row.keywords,
  }
}

/** The draft a stored claim is, so a partial change can be checked as a whole claim. */
function draftOf(row: HoaxClaimRow): HoaxClaimDraft {
  return { ...fieldsOf(row), sources: row.sources }
}

export async function updateHoaxClaimFields(
  deps: HoaxDeps,
  actor: Actor,
  id: string,
  /** The fields to change, or a function of the claim as locked (to add to a list without losing a concurrent add). */
  change: Partial<HoaxClaimDraft> | ((current: HoaxClaimDraft) => Partial<HoaxClaimDraft>),
  meta: ChangeMeta,
): Promise<HoaxClaimView> {
  requireHoaxManager(actor)
  const units = await unitsOfInstansi(deps.db, actor.instansiId)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await lockHoaxClaim(tx, actor.instansiId, id)
    if (!row) throw new AppError('not_found', 'hoax.not_found')
    const fields = typeof change === 'function' ? change(draftOf(row)) : change
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
    const check = checkHoaxClaimDraft({ ...draftOf(row), ...defined }, allowedUnitIds(units, row.unitIds))
    if (!check.ok) throw invalid(check.errors)
    const diff = changedFields(hoaxClaimSnapshot(fieldsOf(row)), hoaxClaimSnapshot(check.value))
    if (!diff) return
    await updateHoaxClaim(tx, actor.instansiId, id, { ...check.value, userId: actorUserId(actor), now })
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'hoax_claim.update', objectType: 'hoax_claim', objectId: id, ...diff },
      now,
    )
  })
  return getHoaxClaimView(deps, actor, id)
}

/** Archive (the matcher stops using it) or bring back from the archive. */
export async function setHoaxClaimArchived(
  deps: HoaxDeps,
  actor: Actor,
  id: string,
  archived: boolean,
  meta: ChangeMeta,
): Promise<HoaxClaimView> {
  requireHoaxManager(actor)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await lockHoaxClaim(tx, actor.instansiId, id)
    if (!row) throw new AppError('not_found', 'hoax.not_found')
    const target: HoaxClaimStatus = archived ? 'archived' : 'active'
    if (row.status === target)
      throw new AppError('conflict', archived ? 'hoax.already_archived' : 'hoax.not_archived')
    await updateHoaxClaim(tx, actor.instansiId, id, {
      status: target,
      archivedAt: archived ? now : null,
      userId: actorUserId(actor),
      now,
    })
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: archived ? 'hoax_claim.archive' : 'hoax_claim.unarchive',
        objectType: 'hoax_claim',
        objectId: id,
        before: { claim: row.claim, status: row.status },
        after: { claim: row.claim, status: target },
      },
      now,
    )
  })
  return getHoaxClaimView(deps, actor, id)
}

/**
 * The instansi's active claims in the matcher's input shape (`createHoaxMatcher(claims)`, `checkDraft`'s
 * `claims`). Each variant is one more entry under the claim's id, so a text restating the variant is matched
 * to the claim. Keywords stay out: the matcher scores how much of a claim's wording a text covers, and a list
 * of search words added to it would lower that for a true restatement.
 */
export async function claimsForMatching(db: Db, instansiId: string): Promise<HoaxClaim[]> {
  const rows = await listActiveClaimTexts(db, instansiId)
  // Each variant is one more claim under the same id; the keywords go with every wording of the claim.
  return rows.flatMap((row) => {
    const keywords = row.keywords.length > 0 ? { keywords: row.keywords } : {}
    return [
      { id: row.id, claim: row.claim, fact: row.facts, ...keywords },
      ...row.variants.map((variant) => ({ id: row.id, claim: variant, fact: row.facts, ...keywords })),
    ]
  })
}

/** claimsForMatching for an instansi named by its short code (the CLI's `--instansi`); undefined when unknown. */
export async function claimsForMatchingBySlug(db: Db, slug: string): Promise<HoaxClaim[] | undefined> {
  const instansi = await findInstansiBySlug(db, slug)
  return instansi ? claimsForMatching(db, instansi.id) : undefined
}

export type DefaultKnowledgeBase =
  | { kind: 'one'; slug: string; claims: HoaxClaim[]; claimCount: number }
  | { kind: 'none' }
  | { kind: 'several'; slugs: string[] }

/**
 * The knowledge base a check uses when it is not told which: the only instansi's, when the database holds exactly
 * one. With several it does not guess (the wrong one's claims would look like "no hoax"); it names them instead.
 */
export async function defaultKnowledgeBase(db: Db): Promise<DefaultKnowledgeBase> {
  const slugs = await listInstansiSlugs(db)
  const [slug] = slugs
  if (slug === undefined) return { kind: 'none' }
  if (slugs.length > 1) return { kind: 'several', slugs }
  const claims = (await claimsForMatchingBySlug(db, slug)) ?? []
  return { kind: 'one', slug, claims, claimCount: new Set(claims.map((claim) => claim.id)).size }
}
