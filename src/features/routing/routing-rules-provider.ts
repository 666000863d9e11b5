// The instansi's routing rules compiled for matching (keywords normalised, units as paths), kept per instansi and
// rebuilt only when the rules changed (routingRulesFingerprint: one indexed aggregate per batch), like the hoax
// matcher provider. A unit moved in the tree after the rules were compiled keeps its old path here until a rule
// changes; the unit condition is about where an item comes from, which a move rarely changes.
import type { Db } from '../../db/client.ts'
import {
  listRoutingRules,
  routingRulesFingerprint,
  type RoutingRuleRow,
} from '../../db/routing-rules-repository.ts'
import { activeUnitPaths } from '../../db/units-repository.ts'
import { compileRule, type CompiledRule, type RoutingAction, type RoutingConditions } from './routing-rule.ts'

export type RoutingRulesProvider = (db: Db, instansiId: string) => Promise<readonly CompiledRule[]>

/** A stored rule's JSON as the feature wrote it (checked at save time). */
export function storedRule(row: RoutingRuleRow): {
  id: string
  name: string
  conditions: RoutingConditions
  action: RoutingAction
} {
  return {
    id: row.id,
    name: row.name,
    conditions: row.conditions as unknown as RoutingConditions,
    action: row.action as unknown as RoutingAction,
  }
}

export async function compileRulesOf(db: Db, instansiId: string): Promise<CompiledRule[]> {
  const rows = (await listRoutingRules(db, instansiId)).filter((row) => row.enabled)
  if (rows.length === 0) return []
  const paths = await activeUnitPaths(db, instansiId)
  return rows.map((row) => compileRule(storedRule(row), paths))
}

export function createRoutingRulesProvider(): RoutingRulesProvider {
  const cache = new Map<string, { fingerprint: string; rules: readonly CompiledRule[] }>()
  return async (db, instansiId) => {
    const fingerprint = await routingRulesFingerprint(db, instansiId)
    const cached = cache.get(instansiId)
    if (cached && cached.fingerprint === fingerprint) return cached.rules
    const rules = await compileRulesOf(db, instansiId)
    cache.set(instansiId, { fingerprint, rules })
    return rules
  }
}
