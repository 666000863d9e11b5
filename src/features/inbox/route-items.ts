// Routing newly classified inbox items to a unit or a person (issue #9 item 2): the instansi's routing rules
// (features/routing/routing-rule.ts: keywords, intent, sentiment, account, unit, platform, hoax) decide who owns
// each item, which labels it carries and its lowest priority. Called by ingestion inside its transaction, after
// classification and before the reply targets are set (a target may depend on the owning unit); the items are read
// back in the transaction, so the rules see the classification just written.
//
// First match wins for assignments (the first matching rule that assigns a unit, the first that assigns a person);
// every matching rule's label is added and the highest priority floor applies. A rule whose unit is archived, or
// whose person is disabled or cannot see the item's unit (no inbox role there), is passed over: the next matching
// rule of that kind decides, and without one the item stays where it is.
import type { Db } from '../../db/client.ts'
import { getItems, type InboxItemRow } from '../../db/inbox-repository.ts'
import {
  applyRoutedChanges,
  grantPathsOfUsers,
  type RoutedItemChange,
} from '../../db/routing-rules-repository.ts'
import { activeUnitPaths } from '../../db/units-repository.ts'
import { INBOX_ROLES } from '../routing/manage-routing-rules.ts'
import { createRoutingRulesProvider, type RoutingRulesProvider } from '../routing/routing-rules-provider.ts'
import { routableText, ruleMatches, type CompiledRule } from '../routing/routing-rule.ts'

/** One process-wide cache of compiled rules (ingestion workers route batch after batch). */
const sharedProvider = createRoutingRulesProvider()

export interface RouteItemsDeps {
  rules?: RoutingRulesProvider
}

export async function routeItems(
  tx: Db,
  items: readonly InboxItemRow[],
  now: Date,
  deps: RouteItemsDeps = {},
): Promise<void> {
  const rulesOf = deps.rules ?? sharedProvider
  const byInstansi = new Map<string, InboxItemRow[]>()
  for (const item of items)
    byInstansi.set(item.instansiId, [...(byInstansi.get(item.instansiId) ?? []), item])
  for (const [instansiId, batch] of byInstansi) {
    const rules = await rulesOf(tx, instansiId)
    if (rules.length === 0) continue
    // Read back as stored in this transaction: whatever the caller holds, routing sees the classification just
    // written (intent, sentiment, hoax match, priority) and the owner as it is now.
    const current = await getItems(
      tx,
      instansiId,
      batch.map((item) => item.id),
    )
    await routeBatch(tx, instansiId, rules, current, now)
  }
}

interface Matched {
  item: InboxItemRow
  rules: CompiledRule[]
}

async function routeBatch(
  tx: Db,
  instansiId: string,
  rules: readonly CompiledRule[],
  batch: readonly InboxItemRow[],
  now: Date,
): Promise<void> {
  const matched: Matched[] = []
  const needsText = rules.some((rule) => rule.needsText)
  for (const item of batch) {
    const text = needsText ? routableText(item.body) : undefined
    const hits = rules.filter((rule) => ruleMatches(rule, item, text))
    if (hits.length > 0) matched.push({ item, rules: hits })
  }
  if (matched.length === 0) return
  // Where the assigned units are now and who the assigned people may see: read once for the batch.
  const anyUnit = matched.some((m) => m.rules.some((rule) => rule.action.kind === 'assign_unit'))
  const unitPaths = anyUnit ? await activeUnitPaths(tx, instansiId) : new Map<string, string>()
  const userIds = new Set<string>()
  for (const m of matched)
    for (const rule of m.rules) if (rule.action.kind === 'assign_user') userIds.add(rule.action.userId)
  const grantPaths = await grantPathsOfUsers(tx, instansiId, [...userIds], INBOX_ROLES)

  const changes: RoutedItemChange[] = []
  for (const { item, rules: hits } of matched) {
    let unitId = item.unitId
    let unitPath = item.unitPath
    for (const rule of hits) {
      if (rule.action.kind !== 'assign_unit') continue
      const path = unitPaths.get(rule.action.unitId)
      if (!path) continue
      unitId = rule.action.unitId
      unitPath = path
      break
    }
    let assignedUserId = item.assignedUserId
    for (const rule of hits) {
      if (rule.action.kind !== 'assign_user') continue
      const paths = grantPaths.get(rule.action.userId) ?? []
      if (!paths.some((path) => unitPath.startsWith(path))) continue
      assignedUserId = rule.action.userId
      break
    }
    const labels = [...item.labels]
    let priority = item.priority
    for (const rule of hits) {
      if (rule.action.kind === 'add_label' && !labels.includes(rule.action.label))
        labels.push(rule.action.label)
      if (rule.action.kind === 'set_priority_floor') priority = Math.max(priority, rule.action.priority)
    }
    const changed =
      unitId !== item.unitId ||
      assignedUserId !== item.assignedUserId ||
      labels.length !== item.labels.length ||
      priority !== item.priority
    if (changed) changes.push({ id: item.id, unitId, unitPath, assignedUserId, labels, priority })
  }
  await applyRoutedChanges(tx, instansiId, changes, now)
}
