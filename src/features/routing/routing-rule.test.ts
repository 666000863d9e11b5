import { describe, expect, it } from 'vitest'
import {
  checkRoutingRuleDraft,
  compileRule,
  EMPTY_CONDITIONS,
  explainRule,
  ruleMatches,
  type RoutableItem,
  type RoutingConditions,
} from './routing-rule.ts'

const UNIT = '11111111-1111-4111-8111-111111111111'
const CHILD = '22222222-2222-4222-8222-222222222222'
const USER = '33333333-3333-4333-8333-333333333333'
const ACCOUNT = '44444444-4444-4444-8444-444444444444'
const refs = { unitIds: new Set([UNIT, CHILD]), userIds: new Set([USER]), accountIds: new Set([ACCOUNT]) }
const paths = new Map([
  [UNIT, '/root/pdam/'],
  [CHILD, '/root/pdam/timur/'],
])

const item = (over: Partial<RoutableItem> = {}): RoutableItem => ({
  body: 'Air PDAM gak ngalir dari kemarin di Kec. Tembalang',
  intent: 'keluhan',
  sentiment: 'negatif',
  platform: 'instagram',
  accountId: ACCOUNT,
  unitPath: '/root/',
  hoaxClaimId: null,
  ...over,
})

const rule = (conditions: Partial<RoutingConditions>) =>
  compileRule(
    {
      id: 'r',
      name: 'r',
      conditions: { ...EMPTY_CONDITIONS, ...conditions },
      action: { kind: 'add_label', label: 'air' },
    },
    paths,
  )

describe('checkRoutingRuleDraft', () => {
  it('cleans the input and keeps what a rule needs', () => {
    const result = checkRoutingRuleDraft(
      {
        name: '  Keluhan   air ',
        conditions: { keywordsAny: ['PDAM', ' pdam ', 'air mati'], intents: ['keluhan'] },
        action: { kind: 'add_label', label: '  Air Bersih ' },
      },
      refs,
    )
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Keluhan air',
        enabled: true,
        conditions: { ...EMPTY_CONDITIONS, keywordsAny: ['PDAM', 'air mati'], intents: ['keluhan'] },
        action: { kind: 'add_label', label: 'air bersih' },
      },
    })
  })

  it('says what to fix: no condition, unknown values and ids, a bad label or priority', () => {
    const none = checkRoutingRuleDraft(
      { name: 'x', conditions: {}, action: { kind: 'add_label', label: 'a' } },
      refs,
    )
    expect(none).toMatchObject({ ok: false, errors: { conditions: { key: 'routing.condition_required' } } })
    const bad = checkRoutingRuleDraft(
      {
        name: '',
        conditions: {
          intents: ['marah'],
          unitIds: ['55555555-5555-4555-8555-555555555555'],
          keywordsAll: ['!!!'],
        },
        action: { kind: 'assign_user', userId: UNIT },
      },
      refs,
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(
      Object.fromEntries(Object.entries(bad.errors).map(([field, found]) => [field, found.key])),
    ).toEqual({
      name: 'routing.name_required',
      'conditions.intents': 'validation.choose_one',
      'conditions.unitIds': 'routing.unit_unknown',
      'action.userId': 'routing.user_unknown',
    })
    const label = checkRoutingRuleDraft(
      { name: 'x', conditions: { hoaxMatched: true }, action: { kind: 'add_label', label: '#$%' } },
      refs,
    )
    expect(label).toMatchObject({ ok: false, errors: { 'action.label': { key: 'routing.label_invalid' } } })
    const priority = checkRoutingRuleDraft(
      {
        name: 'x',
        conditions: { hoaxMatched: false },
        action: { kind: 'set_priority_floor', priority: 101 },
      },
      refs,
    )
    expect(priority.ok).toBe(false)
  })
})

describe('ruleMatches', () => {
  it('matches keywords on the normalised text as whole words, slang included', () => {
    expect(ruleMatches(rule({ keywordsAny: ['banjir', 'mati'] }), item())).toBe(false)
    // "gak ngalir" reads as "tidak mengalir", whichever way the keyword is written.
    expect(ruleMatches(rule({ keywordsAny: ['tidak mengalir'] }), item())).toBe(true)
    expect(ruleMatches(rule({ keywordsAny: ['nggak ngalir'] }), item())).toBe(true)
    expect(ruleMatches(rule({ keywordsAny: ['PDAM'] }), item())).toBe(true)
    expect(ruleMatches(rule({ keywordsAny: ['dam'] }), item())).toBe(false) // not part of a word
    expect(ruleMatches(rule({ keywordsAll: ['pdam', 'tembalang'] }), item())).toBe(true)
    expect(ruleMatches(rule({ keywordsAll: ['pdam', 'banyumanik'] }), item())).toBe(false)
  })

  it('needs every condition it sets, any value within one', () => {
    const r = rule({ intents: ['keluhan', 'pertanyaan'], platforms: ['instagram'], sentiments: ['negatif'] })
    expect(ruleMatches(r, item())).toBe(true)
    expect(ruleMatches(r, item({ platform: 'x' }))).toBe(false)
    expect(ruleMatches(r, item({ intent: null }))).toBe(false)
    expect(ruleMatches(rule({ accountIds: [ACCOUNT] }), item({ accountId: 'other' }))).toBe(false)
    expect(ruleMatches(rule({ hoaxMatched: true }), item())).toBe(false)
    expect(ruleMatches(rule({ hoaxMatched: true }), item({ hoaxClaimId: 'c' }))).toBe(true)
    expect(ruleMatches(rule({ hoaxMatched: false }), item())).toBe(true)
  })

  it('holds a unit condition for the unit and every unit below it; a unit gone matches nothing', () => {
    expect(ruleMatches(rule({ unitIds: [UNIT] }), item({ unitPath: '/root/pdam/timur/' }))).toBe(true)
    expect(ruleMatches(rule({ unitIds: [CHILD] }), item({ unitPath: '/root/pdam/' }))).toBe(false)
    expect(ruleMatches(rule({ unitIds: ['gone'] }), item({ unitPath: '/root/' }))).toBe(false)
  })

  it('explains each condition for the preview', () => {
    expect(explainRule(rule({ keywordsAny: ['pdam'], intents: ['aspirasi'] }), item())).toEqual([
      { condition: 'keywordsAny', matched: true },
      { condition: 'intents', matched: false },
    ])
  })
})
