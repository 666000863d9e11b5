// The routing rules page: the instansi's ordered rules, add / change / delete / reorder (audited), and the preview
// that tests one rule on a sample text. An instansi-wide decision (`routing.manage` from a top-level unit: the admin
// or a penanggung jawab). Ingestion applies the rules (features/inbox/route-items.ts).
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import {
  accountIdsOf,
  activeUserIds,
  deleteRoutingRule,
  insertRoutingRule,
  listRoutingRules,
  lockRoutingRules,
  routingReferences,
  updateRoutingRule,
  type RoutingReferenceRows,
  type RoutingRuleRecord,
  type RoutingRuleRow,
} from '../../db/routing-rules-repository.ts'
import { activeUnitPaths } from '../../db/units-repository.ts'
import { classify, normalise } from '../../nlp/index.ts'
import type { HoaxMatcherProvider } from '../hoax/hoax-matcher-provider.ts'
import { authorize, PERMISSIONS, ROLES, type Actor } from '../access/policy.ts'
import { AppError, type FieldProblems } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { actorUserId } from '../hoax/manage-hoax-claims.ts'
import {
  checkRoutingRuleDraft,
  compileRule,
  explainRule,
  ROUTING_LIMITS,
  type ConditionName,
  type RoutingAction,
  type RoutingConditions,
  type RoutingConditionsInput,
  type RoutingReferences,
  type RoutingRuleChange,
  type RoutingRuleDraft,
  type RoutingRuleFields,
} from './routing-rule.ts'
import { storedRule } from './routing-rules-provider.ts'

export interface RoutingDeps {
  db: Db
  clock: Clock
}

export interface RoutingRuleView {
  id: string
  position: number
  name: string
  enabled: boolean
  conditions: RoutingConditions
  action: RoutingAction
  createdBy: string | null
  updatedBy: string | null
  createdAt: string
  updatedAt: string
}

export interface RoutingRuleListView {
  items: RoutingRuleView[]
  references: {
    units: Array<{ id: string; code: string; name: string; depth: number }>
    users: Array<{ id: string; name: string; email: string }>
    accounts: Array<{ id: string; platform: string; handle: string }>
  }
}

/** The roles that read the inbox: only a person holding one can be assigned an item. */
export const INBOX_ROLES = ROLES.filter((role) => PERMISSIONS[role].has('inbox.read'))

export function requireRoutingManager(actor: Actor): void {
  authorize(actor, 'routing.manage', { instansiId: actor.instansiId })
}

function toView(record: RoutingRuleRecord): RoutingRuleView {
  const stored = storedRule(record)
  return {
    id: record.id,
    position: record.position,
    name: record.name,
    enabled: record.enabled,
    conditions: stored.conditions,
    action: stored.action,
    createdBy: record.createdByName,
    updatedBy: record.updatedByName,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  }
}

function referencesView(rows: RoutingReferenceRows): RoutingRuleListView['references'] {
  return {
    units: rows.units.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      depth: unit.path.split('/').filter(Boolean).length - 1,
    })),
    users: rows.users,
    accounts: rows.accounts,
  }
}

export async function listRoutingRuleViews(deps: RoutingDeps, actor: Actor): Promise<RoutingRuleListView> {
  requireRoutingManager(actor)
  const [records, references] = await Promise.all([
    listRoutingRules(deps.db, actor.instansiId),
    routingReferences(deps.db, actor.instansiId, INBOX_ROLES),
  ])
  return { items: records.map(toView), references: referencesView(references) }
}

async function getView(db: Db, actor: Actor, id: string): Promise<RoutingRuleView> {
  const record = (await listRoutingRules(db, actor.instansiId)).find((rule) => rule.id === id)
  if (!record) throw new AppError('not_found', 'routing.not_found')
  return toView(record)
}

async function referencesOf(db: Db, instansiId: string): Promise<RoutingReferences> {
  const [units, users, accounts] = await Promise.all([
    activeUnitPaths(db, instansiId),
    activeUserIds(db, instansiId, INBOX_ROLES),
    accountIdsOf(db, instansiId),
  ])
  return { unitIds: new Set(units.keys()), userIds: users, accountIds: accounts }
}

const UNKNOWN_REFERENCES = new Set([
  'routing.unit_unknown',
  'routing.user_unknown',
  'routing.account_unknown',
])

function invalid(errors: FieldProblems): AppError {
  // An id that is not the instansi's is answered like any other instansi's id: not found (the form offers only
  // the instansi's own units, people and accounts, so only a probe or a stale page sends one).
  const unknown = Object.values(errors).find((found) => UNKNOWN_REFERENCES.has(found.key))
  if (unknown) return new AppError('not_found', unknown.key, undefined, errors)
  return new AppError('invalid_input', 'routing.invalid', { count: Object.keys(errors).length }, errors)
}

function snapshot(fields: RoutingRuleFields | RoutingRuleRow): Record<string, unknown> {
  return { name: fields.name, enabled: fields.enabled, conditions: fields.conditions, action: fields.action }
}

function asJson(fields: RoutingRuleFields) {
  return {
    name: fields.name,
    enabled: fields.enabled,
    conditions: fields.conditions as unknown as Record<string, unknown>,
    action: fields.action as unknown as Record<string, unknown>,
  }
}

export async function createRoutingRule(
  deps: RoutingDeps,
  actor: Actor,
  draft: RoutingRuleDraft,
  meta: ChangeMeta,
): Promise<RoutingRuleView> {
  requireRoutingManager(actor)
  const check = checkRoutingRuleDraft(draft, await referencesOf(deps.db, actor.instansiId))
  if (!check.ok) throw invalid(check.errors)
  const id = randomUUID()
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const rules = await lockRoutingRules(tx, actor.instansiId)
    if (rules.length >= ROUTING_LIMITS.rules)
      throw new AppError('invalid_input', 'validation.too_many', { maximum: ROUTING_LIMITS.rules })
    const position = rules.reduce((max, rule) => Math.max(max, rule.position), 0) + 1
    await insertRoutingRule(tx, {
      ...asJson(check.value),
      id,
      instansiId: actor.instansiId,
      position,
      userId: actorUserId(actor),
      now,
    })
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'routing_rule.create',
        objectType: 'routing_rule',
        objectId: id,
        after: snapshot(check.value),
      },
      now,
    )
  })
  return getView(deps.db, actor, id)
}

export async function updateRoutingRuleFields(
  deps: RoutingDeps,
  actor: Actor,
  id: string,
  change: RoutingRuleChange,
  meta: ChangeMeta,
): Promise<RoutingRuleView> {
  requireRoutingManager(actor)
  const refs = await referencesOf(deps.db, actor.instansiId)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = (await lockRoutingRules(tx, actor.instansiId)).find((rule) => rule.id === id)
    if (!row) throw new AppError('not_found', 'routing.not_found')
    const current = storedRule(row)
    const check = checkRoutingRuleDraft(
      {
        name: change.name ?? row.name,
        enabled: change.enabled ?? row.enabled,
        conditions: change.conditions ?? current.conditions,
        action: change.action ?? current.action,
      },
      refs,
    )
    if (!check.ok) throw invalid(check.errors)
    const before = snapshot(row)
    const after = snapshot(check.value)
    if (JSON.stringify(before) === JSON.stringify(after)) return
    await updateRoutingRule(tx, actor.instansiId, id, {
      ...asJson(check.value),
      userId: actorUserId(actor),
      now,
    })
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'routing_rule.update', objectType: 'routing_rule', objectId: id, before, after },
      now,
    )
  })
  return getView(deps.db, actor, id)
}

export async function removeRoutingRule(
  deps: RoutingDeps,
  actor: Actor,
  id: string,
  meta: ChangeMeta,
): Promise<void> {
  requireRoutingManager(actor)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const row = (await lockRoutingRules(tx, actor.instansiId)).find((rule) => rule.id === id)
    if (!row) throw new AppError('not_found', 'routing.not_found')
    await deleteRoutingRule(tx, actor.instansiId, id)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'routing_rule.delete', objectType: 'routing_rule', objectId: id, before: snapshot(row) },
      now,
    )
  })
}

/** Puts the rules in the order given (every rule exactly once): position 1, 2, 3… */
export async function reorderRoutingRules(
  deps: RoutingDeps,
  actor: Actor,
  ids: readonly string[],
  meta: ChangeMeta,
): Promise<RoutingRuleListView> {
  requireRoutingManager(actor)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const rows = await lockRoutingRules(tx, actor.instansiId)
    const known = new Set(rows.map((row) => row.id))
    if (ids.length !== rows.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id)))
      throw new AppError('conflict', 'routing.order_mismatch')
    const before = rows.map((row) => row.name)
    let changed = false
    for (const [index, id] of ids.entries()) {
      const row = rows.find((rule) => rule.id === id)!
      if (row.position === index + 1) continue
      changed = true
      await updateRoutingRule(tx, actor.instansiId, id, {
        position: index + 1,
        userId: actorUserId(actor),
        now,
      })
    }
    if (!changed) return
    const after = ids.map((id) => rows.find((row) => row.id === id)!.name)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'routing_rule.reorder',
        objectType: 'routing_rules',
        before: { order: before },
        after: { order: after },
      },
      now,
    )
  })
  return listRoutingRuleViews(deps, actor)
}

export interface RoutingSample {
  text: string
  platform?: string | undefined
  accountId?: string | undefined
  unitId?: string | undefined
  /** Override what the language engine reads from the text. */
  intent?: string | undefined
  sentiment?: string | undefined
  hoaxMatched?: boolean | undefined
}

export interface RoutingPreview {
  matches: boolean
  conditions: Array<{ condition: ConditionName; matched: boolean }>
  /** What the sample was tested as: the engine's reading unless overridden. */
  sample: {
    normalisedText: string
    intent: string
    sentiment: string
    platform: string
    hoaxClaim: { id: string; claim: string } | null
  }
}

/** Tests one rule (saved or not) on a sample text the way ingestion would test an item. */
export async function previewRoutingRule(
  deps: RoutingDeps & { claims?: HoaxMatcherProvider | undefined },
  actor: Actor,
  rule: { conditions: RoutingConditionsInput; action: RoutingAction },
  sample: RoutingSample,
): Promise<RoutingPreview> {
  requireRoutingManager(actor)
  const check = checkRoutingRuleDraft(
    { name: 'preview', conditions: rule.conditions, action: rule.action },
    await referencesOf(deps.db, actor.instansiId),
  )
  if (!check.ok) throw invalid(check.errors)
  const paths = await activeUnitPaths(deps.db, actor.instansiId)
  const account = sample.accountId ? await getAccount(deps.db, actor.instansiId, sample.accountId) : undefined
  if (sample.accountId && !account) throw invalid({ 'sample.accountId': { key: 'routing.account_unknown' } })
  const unitId = account?.unitId ?? sample.unitId
  const unitPath = unitId ? paths.get(unitId) : undefined
  if (sample.unitId && !unitPath) throw invalid({ 'sample.unitId': { key: 'routing.unit_unknown' } })
  const reading = classify(sample.text)
  let hoaxClaim: { id: string; claim: string } | null = null
  if (sample.hoaxMatched === undefined && deps.claims) {
    const matcher = await deps.claims(actor.instansiId)
    const found = matcher?.match(sample.text)
    if (matcher && found?.match) hoaxClaim = { id: found.match, claim: matcher.claimText(found.match) ?? '' }
  } else if (sample.hoaxMatched) hoaxClaim = { id: 'sample', claim: '' }
  const item = {
    body: sample.text,
    intent: sample.intent ?? reading.intent.label,
    sentiment: sample.sentiment ?? reading.sentiment.label,
    platform: account?.platform ?? sample.platform ?? '',
    accountId: account?.id ?? '',
    unitPath: unitPath ?? '',
    hoaxClaimId: hoaxClaim?.id ?? null,
  }
  const compiled = compileRule({ ...check.value, id: 'preview' }, paths)
  const conditions = explainRule(compiled, item)
  return {
    matches: conditions.every((found) => found.matched),
    conditions,
    sample: {
      normalisedText: normalise(sample.text),
      intent: item.intent,
      sentiment: item.sentiment,
      platform: item.platform,
      hoaxClaim,
    },
  }
}
