// Saved replies (jawaban baku): the office's prepared answers, instansi-wide or one unit's (offered for that unit's
// subtree), with variables filled from the item being answered. Everyone who works the inbox reads the ones that
// concern their units; a penanggung jawab changes those of their units (`saved_reply.manage`; an instansi-wide one
// from a top-level unit). Every change is audited. Rendering for an item (the reply box) and the hoax clarification
// answer the text only: sending is the inbox's reply, with its own checks.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getHoaxClaim } from '../../db/hoax-claims-repository.ts'
import { listUnits } from '../../db/units-repository.ts'
import {
  deleteSavedReply,
  getReplyItemContext,
  getSavedReply,
  insertSavedReplies,
  listSavedReplies,
  lockSavedReply,
  updateSavedReply,
  type ReplyItemContext,
  type SavedReplyFields,
  type SavedReplyRecord,
} from '../../db/saved-replies-repository.ts'
import type { HoaxLabel } from '../../shared/hoax-labels.ts'
import type { Platform } from '../../shared/platforms.ts'
import { replyTextRule } from '../../shared/reply-text-rules.ts'
import {
  renderSavedReply,
  usedVariables,
  type SavedReplyVariable,
} from '../../shared/saved-reply-template.ts'
import { ticketNumber } from '../../shared/ticket-number.ts'
import { authorize, can, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError, type FieldProblems } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { actorUserId } from '../hoax/manage-hoax-claims.ts'
import { buildClarificationReply } from './clarification-reply.ts'
import { checkSavedReplyDraft, type SavedReplyDraft } from './saved-reply-input.ts'

export interface SavedReplyDeps {
  db: Db
  clock: Clock
}

export interface SavedReplyView {
  id: string
  unit: { id: string; code: string; name: string } | null
  title: string
  body: string
  tags: string[]
  intents: string[]
  /** The variables the body uses. */
  variables: SavedReplyVariable[]
  /** Whether the caller may change or delete this one. */
  canManage: boolean
  createdBy: string | null
  updatedBy: string | null
  createdAt: string
  updatedAt: string
}

export interface SavedReplyListView {
  items: SavedReplyView[]
  /** Whether the caller may add saved replies (for some unit, or instansi-wide). */
  canManage: boolean
}

export interface SavedReplyFilter {
  query?: string | undefined
  unitId?: string | undefined
  /** Only the replies that apply to this inbox item (its unit's and the instansi's), those fitting its intent first. */
  itemId?: string | undefined
}

// Named apart from the error's parameters: the audit-label test reads `action: '…'` as an audit action.
const READ_ACTION: Action = 'inbox.read'
const MANAGE_ACTION: Action = 'saved_reply.manage'

function readerPrefixes(actor: Actor): string[] {
  return [...unitScope(actor, READ_ACTION).pathPrefixes, ...unitScope(actor, MANAGE_ACTION).pathPrefixes]
}

function requireReader(actor: Actor): string[] {
  const prefixes = readerPrefixes(actor)
  if (prefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: READ_ACTION })
  return prefixes
}

/** A unit's reply is seen by whoever works a unit above it, at it or below it; an instansi-wide one by all. */
function visibleTo(prefixes: readonly string[], record: SavedReplyRecord): boolean {
  const path = record.unitPath
  if (path === null) return true
  return prefixes.some((prefix) => prefix.startsWith(path) || path.startsWith(prefix))
}

function mayManage(actor: Actor, unitPath: string | null): boolean {
  return can(actor, 'saved_reply.manage', { instansiId: actor.instansiId, unitPath: unitPath ?? undefined })
}

function toView(actor: Actor, record: SavedReplyRecord): SavedReplyView {
  return {
    id: record.id,
    unit:
      record.unitId && record.unitCode !== null && record.unitName !== null
        ? { id: record.unitId, code: record.unitCode, name: record.unitName }
        : null,
    title: record.title,
    body: record.body,
    tags: record.tags,
    intents: record.intents,
    variables: usedVariables(record.body),
    canManage: mayManage(actor, record.unitPath),
    createdBy: record.createdByName,
    updatedBy: record.updatedByName,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  }
}

function matchesQuery(record: SavedReplyRecord, query: string): boolean {
  const needle = query.toLowerCase()
  return [record.title, record.body, ...record.tags].some((text) => text.toLowerCase().includes(needle))
}

export async function listSavedReplyViews(
  deps: SavedReplyDeps,
  actor: Actor,
  filter: SavedReplyFilter = {},
): Promise<SavedReplyListView> {
  const prefixes = requireReader(actor)
  let records = (await listSavedReplies(deps.db, actor.instansiId)).filter((r) => visibleTo(prefixes, r))
  if (filter.unitId) records = records.filter((record) => record.unitId === filter.unitId)
  if (filter.query) records = records.filter((record) => matchesQuery(record, filter.query!))
  if (filter.itemId) {
    const item = await loadItem(deps.db, actor, filter.itemId)
    records = records.filter((record) => appliesTo(record, item))
    const intent = item.intent
    if (intent) {
      const fits = (record: SavedReplyRecord) => (record.intents.includes(intent) ? 0 : 1)
      records = [...records].sort((a, b) => fits(a) - fits(b))
    }
  }
  return {
    items: records.map((record) => toView(actor, record)),
    canManage: unitScope(actor, 'saved_reply.manage').pathPrefixes.length > 0,
  }
}

async function loadRecord(db: Db, actor: Actor, id: string): Promise<SavedReplyRecord> {
  const record = await getSavedReply(db, actor.instansiId, id)
  // One the caller may not see is answered like another instansi's: not found.
  if (!record || !visibleTo(readerPrefixes(actor), record))
    throw new AppError('not_found', 'saved_replies.not_found')
  return record
}

export async function getSavedReplyView(
  deps: SavedReplyDeps,
  actor: Actor,
  id: string,
): Promise<SavedReplyView> {
  requireReader(actor)
  return toView(actor, await loadRecord(deps.db, actor, id))
}

function invalid(errors: FieldProblems): AppError {
  if (Object.values(errors).some((found) => found.key === 'saved_replies.unit_unknown'))
    return new AppError('not_found', 'saved_replies.unit_unknown', undefined, errors)
  return new AppError('invalid_input', 'saved_replies.invalid', { count: Object.keys(errors).length }, errors)
}

/** The active units of the instansi (id → path) a reply may belong to, plus the one it belongs to now. */
async function unitPaths(db: Db, instansiId: string, current?: string | null): Promise<Map<string, string>> {
  const rows = await listUnits(db, { instansiId, pathPrefixes: ['/'], includeArchived: true })
  const paths = new Map<string, string>()
  for (const row of rows) if (!row.archivedAt || row.id === current) paths.set(row.id, row.path)
  return paths
}

/** The fields that differ, the title kept on both sides so the audit viewer can name the reply. */
function diffOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changed = Object.keys(after).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
  if (changed.length === 0) return null
  const pick = (from: Record<string, unknown>): Record<string, unknown> => {
    const picked: Record<string, unknown> = { title: from.title }
    for (const key of changed) picked[key] = from[key]
    return picked
  }
  return { before: pick(before), after: pick(after) }
}

function requireManager(actor: Actor, unitPath: string | null): void {
  authorize(actor, 'saved_reply.manage', { instansiId: actor.instansiId, unitPath: unitPath ?? undefined })
}

export function savedReplySnapshot(fields: SavedReplyFields): Record<string, unknown> {
  return {
    title: fields.title,
    unitId: fields.unitId,
    body: fields.body,
    tags: fields.tags,
    intents: fields.intents,
  }
}

export async function createSavedReply(
  deps: SavedReplyDeps,
  actor: Actor,
  draft: SavedReplyDraft,
  meta: ChangeMeta,
): Promise<SavedReplyView> {
  if (unitScope(actor, 'saved_reply.manage').pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: MANAGE_ACTION })
  const paths = await unitPaths(deps.db, actor.instansiId)
  const check = checkSavedReplyDraft(draft, new Set(paths.keys()))
  if (!check.ok) throw invalid(check.errors)
  requireManager(actor, check.value.unitId ? paths.get(check.value.unitId)! : null)
  const id = randomUUID()
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await insertSavedReplies(tx, [
      { ...check.value, id, instansiId: actor.instansiId, userId: actorUserId(actor), now },
    ])
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'saved_reply.create',
        objectType: 'saved_reply',
        objectId: id,
        after: savedReplySnapshot(check.value),
      },
      now,
    )
  })
  return getSavedReplyView(deps, actor, id)
}

export async function updateSavedReplyFields(
  deps: SavedReplyDeps,
  actor: Actor,
  id: string,
  change: Partial<SavedReplyDraft>,
  meta: ChangeMeta,
): Promise<SavedReplyView> {
  const current = await loadRecord(deps.db, actor, id)
  requireManager(actor, current.unitPath)
  const paths = await unitPaths(deps.db, actor.instansiId, current.unitId)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await lockSavedReply(tx, actor.instansiId, id)
    if (!row) throw new AppError('not_found', 'saved_replies.not_found')
    const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined))
    const check = checkSavedReplyDraft({ ...row, ...defined }, new Set(paths.keys()))
    if (!check.ok) throw invalid(check.errors)
    // Moving a reply to another unit needs the right there too.
    if (check.value.unitId !== row.unitId)
      requireManager(actor, check.value.unitId ? paths.get(check.value.unitId)! : null)
    const diff = diffOf(savedReplySnapshot(row), savedReplySnapshot(check.value))
    if (!diff) return
    await updateSavedReply(tx, actor.instansiId, id, { ...check.value, userId: actorUserId(actor), now })
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'saved_reply.update', objectType: 'saved_reply', objectId: id, ...diff },
      now,
    )
  })
  return getSavedReplyView(deps, actor, id)
}

export async function removeSavedReply(
  deps: SavedReplyDeps,
  actor: Actor,
  id: string,
  meta: ChangeMeta,
): Promise<void> {
  const current = await loadRecord(deps.db, actor, id)
  requireManager(actor, current.unitPath)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = await lockSavedReply(tx, actor.instansiId, id)
    if (!row) throw new AppError('not_found', 'saved_replies.not_found')
    await deleteSavedReply(tx, actor.instansiId, id)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'saved_reply.delete',
        objectType: 'saved_reply',
        objectId: id,
        before: savedReplySnapshot(row),
      },
      now,
    )
  })
}

/** An inbox item the caller may read (inbox.read on its unit); another instansi's id is not found. */
async function loadItem(db: Db, actor: Actor, itemId: string): Promise<ReplyItemContext> {
  const item = await getReplyItemContext(db, actor.instansiId, itemId)
  if (!item) throw new AppError('not_found', 'saved_replies.item_not_found')
  authorize(actor, 'inbox.read', { instansiId: item.instansiId, unitPath: item.unitPath })
  return item
}

function appliesTo(record: SavedReplyRecord, item: ReplyItemContext): boolean {
  return record.unitPath === null || item.unitPath.startsWith(record.unitPath)
}

/** The values of the variables for an item: the citizen's name (or @handle), the ticket, the unit, its contact, the account. */
export function itemReplyContext(item: ReplyItemContext): Record<SavedReplyVariable, string> {
  const handle = item.accountHandleDisplay ?? item.accountHandle
  return {
    // A WhatsApp "handle" is the citizen's phone number: never written into a reply; the operator fills the name.
    nama:
      item.authorName?.trim() ||
      (item.authorHandle && item.platform !== 'whatsapp' ? `@${item.authorHandle.replace(/^@/, '')}` : ''),
    nomor_tiket: ticketNumber(item.id),
    unit: item.unitName,
    kontak_unit: item.unitContact,
    akun: item.platform === 'whatsapp' ? handle : `@${handle.replace(/^@/, '')}`,
  }
}

export interface RenderedSavedReply {
  text: string
  unresolved: string[]
  values: Record<SavedReplyVariable, string>
  ticketNumber: string
}

export async function renderSavedReplyForItem(
  deps: SavedReplyDeps,
  actor: Actor,
  id: string,
  itemId: string,
): Promise<RenderedSavedReply> {
  requireReader(actor)
  const item = await loadItem(deps.db, actor, itemId)
  const record = await loadRecord(deps.db, actor, id)
  if (!appliesTo(record, item)) throw new AppError('precondition_failed', 'saved_replies.not_for_item')
  const values = itemReplyContext(item)
  const rendered = renderSavedReply(record.body, values)
  return { ...rendered, values, ticketNumber: values.nomor_tiket }
}

export interface ClarificationView {
  text: string
  length: number
  maxLength: number
  shortened: boolean
  platform: string
  claim: { id: string; label: HoaxLabel; claim: string }
  sourceUrl: string | null
}

export async function clarificationForItem(
  deps: SavedReplyDeps,
  actor: Actor,
  itemId: string,
): Promise<ClarificationView> {
  const item = await loadItem(deps.db, actor, itemId)
  if (!item.hoaxClaimId) throw new AppError('precondition_failed', 'clarification.no_hoax_match')
  const claim = await getHoaxClaim(deps.db, actor.instansiId, item.hoaxClaimId)
  if (!claim) throw new AppError('precondition_failed', 'clarification.no_hoax_match')
  if (claim.status !== 'active') throw new AppError('precondition_failed', 'clarification.claim_archived')
  const sourceUrl = claim.sources[0]?.url ?? null
  const rule = replyTextRule(item.platform as Platform)
  const result = buildClarificationReply(
    { label: claim.label, facts: claim.facts, sourceUrl, citizenName: item.authorName },
    rule,
  )
  if (!result.ok)
    throw new AppError('precondition_failed', 'clarification.too_long', { maximum: result.maxLength })
  return {
    text: result.text,
    length: result.length,
    maxLength: result.maxLength,
    shortened: result.shortened,
    platform: item.platform,
    claim: { id: claim.id, label: claim.label, claim: claim.claim },
    sourceUrl,
  }
}
