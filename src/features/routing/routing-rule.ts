// Routing rules (issue #9 item 2): the instansi's ordered list of "when an item looks like this, do that". Pure:
// the shapes, the check of what a person typed, compiling a rule (keywords normalised once) and matching one item.
//
// A rule's conditions all have to hold (and); within one condition any listed value will do (or), except
// keywordsAll, where every keyword must appear. Keywords are matched on the normalised text (src/nlp normalise:
// lower case, slang to standard Indonesian, so "gak ada air" is found by "tidak ada air"), as whole words or
// phrases. A unit condition holds for an item owned by that unit or any unit below it.
//
// Applying the list (route-items.ts): assignments are first match wins — the first enabled matching rule that
// assigns a unit decides the unit, the first that assigns a person decides the person; labels and priority floors
// accumulate — every enabled matching rule adds its label, and the highest floor applies. So a specific rule above
// a general one takes the item, while labelling rules never need ordering.
import type { Problem } from '../../shared/errors.ts'
import {
  INBOX_INTENTS,
  INBOX_SENTIMENTS,
  type InboxIntent,
  type InboxSentiment,
} from '../../shared/inbox-labels.ts'
import { PLATFORMS, type Platform } from '../../shared/platforms.ts'
import type { IntentLabel, SentimentLabel } from '../../nlp/index.ts'
import { normalise } from '../../nlp/index.ts'
import { problem } from '../app-error.ts'
import { cleanList } from '../hoax/hoax-claim-input.ts'

// The shared lists must be the engine's: a label added there and not here (or the reverse) fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const intentsAgree: Same<InboxIntent, IntentLabel> = true
const sentimentsAgree: Same<InboxSentiment, SentimentLabel> = true
void intentsAgree
void sentimentsAgree

export interface RoutingConditions {
  keywordsAny: string[]
  keywordsAll: string[]
  intents: InboxIntent[]
  sentiments: InboxSentiment[]
  platforms: Platform[]
  accountIds: string[]
  unitIds: string[]
  /** true: only items matched to a hoax claim; false: only items matched to none; null: either. */
  hoaxMatched: boolean | null
}

export const ROUTING_ACTION_KINDS = ['assign_unit', 'assign_user', 'add_label', 'set_priority_floor'] as const
export type RoutingActionKind = (typeof ROUTING_ACTION_KINDS)[number]

export type RoutingAction =
  | { kind: 'assign_unit'; unitId: string }
  | { kind: 'assign_user'; userId: string }
  | { kind: 'add_label'; label: string }
  | { kind: 'set_priority_floor'; priority: number }

export const ROUTING_LIMITS = {
  name: 200,
  keywords: 50,
  keyword: 100,
  ids: 200,
  label: 40,
  rules: 500,
} as const

export const EMPTY_CONDITIONS: RoutingConditions = {
  keywordsAny: [],
  keywordsAll: [],
  intents: [],
  sentiments: [],
  platforms: [],
  accountIds: [],
  unitIds: [],
  hoaxMatched: null,
}

/** Conditions as typed: any list may be missing, and holds words the check reads (unknown ones are refused). */
export interface RoutingConditionsInput {
  keywordsAny?: readonly string[] | undefined
  keywordsAll?: readonly string[] | undefined
  intents?: readonly string[] | undefined
  sentiments?: readonly string[] | undefined
  platforms?: readonly string[] | undefined
  accountIds?: readonly string[] | undefined
  unitIds?: readonly string[] | undefined
  hoaxMatched?: boolean | null | undefined
}

export interface RoutingRuleDraft {
  name: string
  enabled?: boolean | undefined
  conditions: RoutingConditionsInput
  action: RoutingAction
}

export interface RoutingRuleChange {
  name?: string | undefined
  enabled?: boolean | undefined
  conditions?: RoutingConditionsInput | undefined
  action?: RoutingAction | undefined
}

export interface RoutingRuleFields {
  name: string
  enabled: boolean
  conditions: RoutingConditions
  action: RoutingAction
}

/** What the instansi has, for checking the ids a rule names. */
export interface RoutingReferences {
  unitIds: ReadonlySet<string>
  userIds: ReadonlySet<string>
  accountIds: ReadonlySet<string>
}

const LABEL = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u

export type RoutingRuleCheck =
  { ok: true; value: RoutingRuleFields } | { ok: false; errors: Record<string, Problem> }

function pickAll<T extends string>(values: readonly string[] | undefined, known: readonly T[]): T[] | string {
  const picked: T[] = []
  for (const value of values ?? []) {
    const found = known.find((k) => k === value)
    if (!found) return value
    if (!picked.includes(found)) picked.push(found)
  }
  return picked
}

export function checkRoutingRuleDraft(draft: RoutingRuleDraft, refs: RoutingReferences): RoutingRuleCheck {
  const errors: Record<string, Problem> = {}
  const name = draft.name.replace(/\s+/g, ' ').trim()
  if (name === '' || name.length > ROUTING_LIMITS.name) errors.name = problem('routing.name_required')
  const given = draft.conditions
  const keywords = (field: 'keywordsAny' | 'keywordsAll'): string[] => {
    const list = cleanList(given[field] ?? [])
    if (list.length > ROUTING_LIMITS.keywords)
      errors[`conditions.${field}`] = problem('validation.too_many', { maximum: ROUTING_LIMITS.keywords })
    for (const keyword of list) {
      if (keyword.length > ROUTING_LIMITS.keyword)
        errors[`conditions.${field}`] = problem('validation.too_long', { maximum: ROUTING_LIMITS.keyword })
      else if (normalise(keyword) === '')
        errors[`conditions.${field}`] = problem('routing.keyword_empty', { value: keyword })
    }
    return list
  }
  const listed = <T extends string>(
    field: 'intents' | 'sentiments' | 'platforms',
    known: readonly T[],
  ): T[] => {
    const picked = pickAll(given[field], known)
    if (typeof picked === 'string') {
      errors[`conditions.${field}`] = problem('validation.choose_one', { options: [...known] })
      return []
    }
    return picked
  }
  const ids = (
    field: 'accountIds' | 'unitIds',
    known: ReadonlySet<string>,
    key: Problem['key'],
  ): string[] => {
    const list = [...new Set(given[field] ?? [])]
    if (list.length > ROUTING_LIMITS.ids)
      errors[`conditions.${field}`] = problem('validation.too_many', { maximum: ROUTING_LIMITS.ids })
    else if (list.some((id) => !known.has(id))) errors[`conditions.${field}`] = problem(key)
    return list
  }
  const conditions: RoutingConditions = {
    keywordsAny: keywords('keywordsAny'),
    keywordsAll: keywords('keywordsAll'),
    intents: listed('intents', INBOX_INTENTS),
    sentiments: listed('sentiments', INBOX_SENTIMENTS),
    platforms: listed('platforms', PLATFORMS),
    accountIds: ids('accountIds', refs.accountIds, 'routing.account_unknown'),
    unitIds: ids('unitIds', refs.unitIds, 'routing.unit_unknown'),
    hoaxMatched: given.hoaxMatched ?? null,
  }
  const hasCondition =
    conditions.hoaxMatched !== null ||
    Object.values(conditions).some((value) => Array.isArray(value) && value.length > 0)
  if (!hasCondition && Object.keys(errors).every((key) => !key.startsWith('conditions.')))
    errors.conditions = problem('routing.condition_required')

  const action = draft.action
  let checked: RoutingAction = action
  switch (action.kind) {
    case 'assign_unit':
      if (!refs.unitIds.has(action.unitId)) errors['action.unitId'] = problem('routing.unit_unknown')
      break
    case 'assign_user':
      if (!refs.userIds.has(action.userId)) errors['action.userId'] = problem('routing.user_unknown')
      break
    case 'add_label': {
      const label = action.label.replace(/\s+/g, ' ').trim().toLowerCase()
      if (!LABEL.test(label)) errors['action.label'] = problem('routing.label_invalid')
      checked = { kind: 'add_label', label }
      break
    }
    case 'set_priority_floor':
      if (!Number.isInteger(action.priority) || action.priority < 0 || action.priority > 100)
        errors['action.priority'] = problem('validation.too_big', { maximum: 100 })
      break
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { name, enabled: draft.enabled ?? true, conditions, action: checked } }
}

/** What a rule is tested against: an item as classified (or a sample text in the preview). */
export interface RoutableItem {
  body: string
  intent: string | null
  sentiment: string | null
  platform: string
  accountId: string
  /** The path of the unit that owns the item now (the account's until routed). */
  unitPath: string
  hoaxClaimId: string | null
}

export interface CompiledRule {
  id: string
  name: string
  action: RoutingAction
  keywordsAny: string[]
  keywordsAll: string[]
  intents: ReadonlySet<string>
  sentiments: ReadonlySet<string>
  platforms: ReadonlySet<string>
  accountIds: ReadonlySet<string>
  /** The paths of the condition's units (resolved when compiled). */
  unitPaths: string[]
  hoaxMatched: boolean | null
  needsText: boolean
}

/** A rule made ready to test many items: keywords normalised, lists as sets, units as paths. */
export function compileRule(
  rule: { id: string; name: string; conditions: RoutingConditions; action: RoutingAction },
  unitPaths: ReadonlyMap<string, string>,
): CompiledRule {
  const c = rule.conditions
  const words = (list: readonly string[]) => list.map((keyword) => normalise(keyword)).filter((k) => k !== '')
  const keywordsAny = words(c.keywordsAny)
  const keywordsAll = words(c.keywordsAll)
  return {
    id: rule.id,
    name: rule.name,
    action: rule.action,
    keywordsAny,
    keywordsAll,
    intents: new Set(c.intents),
    sentiments: new Set(c.sentiments),
    platforms: new Set(c.platforms),
    accountIds: new Set(c.accountIds),
    // A unit gone since the rule was saved matches nothing (the condition is not dropped: that would widen it).
    unitPaths: c.unitIds.map((id) => unitPaths.get(id) ?? '\u0000gone'),
    hoaxMatched: c.hoaxMatched,
    needsText: keywordsAny.length > 0 || keywordsAll.length > 0,
  }
}

/** The normalised text padded with spaces, so a keyword matches as whole words: ` ${keyword} `. */
export function routableText(body: string): string {
  return ` ${normalise(body)} `
}

export type ConditionName = Exclude<keyof RoutingConditions, never>

/** Each condition the rule sets, and whether it holds for the item (the preview shows this). */
export function explainRule(
  rule: CompiledRule,
  item: RoutableItem,
  text: string = rule.needsText ? routableText(item.body) : '',
): Array<{ condition: ConditionName; matched: boolean }> {
  const found: Array<{ condition: ConditionName; matched: boolean }> = []
  const has = (keyword: string) => text.includes(` ${keyword} `)
  if (rule.keywordsAny.length > 0)
    found.push({ condition: 'keywordsAny', matched: rule.keywordsAny.some(has) })
  if (rule.keywordsAll.length > 0)
    found.push({ condition: 'keywordsAll', matched: rule.keywordsAll.every(has) })
  if (rule.intents.size > 0)
    found.push({ condition: 'intents', matched: item.intent !== null && rule.intents.has(item.intent) })
  if (rule.sentiments.size > 0)
    found.push({
      condition: 'sentiments',
      matched: item.sentiment !== null && rule.sentiments.has(item.sentiment),
    })
  if (rule.platforms.size > 0)
    found.push({ condition: 'platforms', matched: rule.platforms.has(item.platform) })
  if (rule.accountIds.size > 0)
    found.push({ condition: 'accountIds', matched: rule.accountIds.has(item.accountId) })
  if (rule.unitPaths.length > 0)
    found.push({
      condition: 'unitIds',
      matched: rule.unitPaths.some((path) => item.unitPath.startsWith(path)),
    })
  if (rule.hoaxMatched !== null)
    found.push({ condition: 'hoaxMatched', matched: (item.hoaxClaimId !== null) === rule.hoaxMatched })
  return found
}

export function ruleMatches(rule: CompiledRule, item: RoutableItem, text?: string): boolean {
  // Cheap conditions first; the text only when they all hold.
  if (rule.intents.size > 0 && (item.intent === null || !rule.intents.has(item.intent))) return false
  if (rule.sentiments.size > 0 && (item.sentiment === null || !rule.sentiments.has(item.sentiment)))
    return false
  if (rule.platforms.size > 0 && !rule.platforms.has(item.platform)) return false
  if (rule.accountIds.size > 0 && !rule.accountIds.has(item.accountId)) return false
  if (rule.unitPaths.length > 0 && !rule.unitPaths.some((path) => item.unitPath.startsWith(path)))
    return false
  if (rule.hoaxMatched !== null && (item.hoaxClaimId !== null) !== rule.hoaxMatched) return false
  if (!rule.needsText) return true
  const padded = text ?? routableText(item.body)
  const has = (keyword: string) => padded.includes(` ${keyword} `)
  if (rule.keywordsAny.length > 0 && !rule.keywordsAny.some(has)) return false
  if (rule.keywordsAll.length > 0 && !rule.keywordsAll.every(has)) return false
  return true
}
