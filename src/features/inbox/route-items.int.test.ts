import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../tests/support/fixtures.ts'
import { createInboxAccount, createInboxItem } from '../../../tests/support/replies-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'
import { inboxItems, units } from '../../db/schema/index.ts'
import type { Actor } from '../access/policy.ts'
import {
  createRoutingRule,
  listRoutingRuleViews,
  removeRoutingRule,
  reorderRoutingRules,
} from '../routing/manage-routing-rules.ts'
import { createRoutingRulesProvider } from '../routing/routing-rules-provider.ts'
import type { RoutingRuleDraft } from '../routing/routing-rule.ts'
import { routeItems } from './route-items.ts'

async function setup() {
  const ctx = await getTestContext()
  const owner = await createTestInstansi(ctx.db)
  const pdam = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const dishub = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const pj = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'penanggung_jawab' }])
  const operatorPdam = await createTestUser(ctx.db, owner, [{ unitId: pdam.id, role: 'pengelola' }])
  const account = await createInboxAccount(ctx.db, owner, owner.rootUnit, pj, 'instagram')
  const actor: Actor = {
    userId: pj.id,
    instansiId: owner.id,
    label: pj.email,
    via: 'session',
    grants: [{ unitId: owner.rootUnit.id, unitPath: owner.rootUnit.path, role: 'penanggung_jawab' }],
  }
  const rules = createRoutingRulesProvider()
  const addRule = async (draft: RoutingRuleDraft) => (await createRoutingRule(ctx, actor, draft, {})).id
  const route = async (items: InboxItemRow[]) => {
    await ctx.db.transaction((tx) => routeItems(tx, items, new Date('2026-12-07T03:00:01Z'), { rules }))
    const rows = await ctx.db
      .select()
      .from(inboxItems)
      .where(
        inArray(
          inboxItems.id,
          items.map((item) => item.id),
        ),
      )
    return items.map((item) => rows.find((row) => row.id === item.id)!)
  }
  return { ctx, owner, pdam, dishub, pj, operatorPdam, account, actor, addRule, route }
}

describe('routeItems', () => {
  it('assigns by the first matching rule, adds every matching label and the highest priority floor', async () => {
    const s = await setup()
    await s.addRule({
      name: 'Air ke PDAM',
      conditions: { keywordsAny: ['pdam', 'air mati'], intents: ['keluhan'] },
      action: { kind: 'assign_unit', unitId: s.pdam.id },
    })
    await s.addRule({
      name: 'Keluhan ke Dishub',
      conditions: { intents: ['keluhan'] },
      action: { kind: 'assign_unit', unitId: s.dishub.id },
    })
    await s.addRule({
      name: 'Label air',
      conditions: { keywordsAny: ['air'] },
      action: { kind: 'add_label', label: 'air' },
    })
    await s.addRule({
      name: 'Hoaks',
      conditions: { hoaxMatched: true },
      action: { kind: 'add_label', label: 'hoaks' },
    })
    await s.addRule({
      name: 'Negatif',
      conditions: { sentiments: ['negatif'] },
      action: { kind: 'set_priority_floor', priority: 60 },
    })
    await s.addRule({
      name: 'Hoaks urgen',
      conditions: { hoaxMatched: true },
      action: { kind: 'set_priority_floor', priority: 80 },
    })
    await s.addRule({
      name: 'Operator PDAM',
      conditions: { keywordsAny: ['pdam'] },
      action: { kind: 'assign_user', userId: s.operatorPdam.id },
    })

    const water = await createInboxItem(s.ctx.db, s.account, {
      body: 'Air PDAM gak ngalir dari kemarin',
      classification: { intent: 'keluhan', sentiment: 'negatif', priority: 30 },
    })
    const road = await createInboxItem(s.ctx.db, s.account, {
      body: 'Jalan berlubang di depan pasar',
      classification: { intent: 'keluhan', sentiment: 'netral', priority: 70 },
    })
    const thanks = await createInboxItem(s.ctx.db, s.account, {
      body: 'Terima kasih infonya',
      classification: { intent: 'apresiasi', sentiment: 'positif' },
    })
    // Ingestion may hand over the rows as inserted, before classification: routing reads them back.
    const stale = { ...water, intent: null, sentiment: null, priority: 0 }
    const [routedWater, routedRoad, routedThanks] = await s.route([stale, road, thanks])
    expect(routedWater).toMatchObject({
      unitId: s.pdam.id,
      unitPath: s.pdam.path,
      assignedUserId: s.operatorPdam.id,
      labels: ['air'],
      priority: 60,
    })
    // Dishub's rule matched the water complaint too, but the first assignment won.
    expect(routedRoad).toMatchObject({ unitId: s.dishub.id, assignedUserId: null, labels: [], priority: 70 })
    expect(routedThanks).toMatchObject({ unitId: s.owner.rootUnit.id, labels: [], priority: 0 })
    expect(routedThanks!.updatedAt.toISOString()).toBe(thanks.updatedAt.toISOString())
  })

  it('passes over a rule whose unit is archived or whose person cannot see the item, and follows changes at once', async () => {
    const s = await setup()
    const gone = await s.addRule({
      name: 'Ke unit lama',
      conditions: { keywordsAny: ['sampah'] },
      action: { kind: 'assign_unit', unitId: s.dishub.id },
    })
    await s.addRule({
      name: 'Ke PDAM',
      conditions: { keywordsAny: ['sampah'] },
      action: { kind: 'assign_unit', unitId: s.pdam.id },
    })
    // The PDAM operator may not see an item that stays at the root unit.
    await s.addRule({
      name: 'Operator',
      conditions: { keywordsAny: ['lampu'] },
      action: { kind: 'assign_user', userId: s.operatorPdam.id },
    })
    await s.ctx.db.update(units).set({ archivedAt: new Date() }).where(eq(units.id, s.dishub.id))
    const trash = await createInboxItem(s.ctx.db, s.account, { body: 'Sampah menumpuk di jalan' })
    const lamp = await createInboxItem(s.ctx.db, s.account, { body: 'Lampu jalan mati' })
    const [routedTrash, routedLamp] = await s.route([trash, lamp])
    expect(routedTrash).toMatchObject({ unitId: s.pdam.id })
    expect(routedLamp).toMatchObject({ unitId: s.owner.rootUnit.id, assignedUserId: null })

    // The cached rules follow a deletion, a new rule and a new order without a restart.
    await removeRoutingRule(s.ctx, s.actor, gone, {})
    const dlh = await createTestUnit(s.ctx.db, s.owner, s.owner.rootUnit)
    await s.addRule({
      name: 'Ke DLH',
      conditions: { keywordsAny: ['sampah'] },
      action: { kind: 'assign_unit', unitId: dlh.id },
    })
    await s.addRule({
      name: 'Label sampah',
      conditions: { keywordsAny: ['sampah'] },
      action: { kind: 'add_label', label: 'kebersihan' },
    })
    const again = await createInboxItem(s.ctx.db, s.account, { body: 'Sampah lagi' })
    expect((await s.route([again]))[0]).toMatchObject({ unitId: s.pdam.id, labels: ['kebersihan'] })
    const order = (await reorderRoutingRules(s.ctx, s.actor, [], {}).catch(() => null)) ?? null
    expect(order).toBeNull() // every rule must be named
    const list = await listRoutingRuleViews(s.ctx, s.actor)
    const ids = list.items.map((rule) => rule.id)
    const dlhRule = list.items.find((rule) => rule.name === 'Ke DLH')!.id
    await reorderRoutingRules(s.ctx, s.actor, [dlhRule, ...ids.filter((id) => id !== dlhRule)], {})
    const third = await createInboxItem(s.ctx.db, s.account, { body: 'Sampah lagi dan lagi' })
    expect((await s.route([third]))[0]).toMatchObject({ unitId: dlh.id, unitPath: dlh.path })
  })
})
