import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const pdam = await createTestUnit(ctx.db, owner, owner.rootUnit)
  const totpSecret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret,
  })
  const pjPdam = await createTestUser(ctx.db, owner, [{ unitId: pdam.id, role: 'penanggung_jawab' }], {
    totpSecret,
  })
  const headers = (await loginAs(app, { ...admin, totpSecret })).headers
  const pjPdamHeaders = (await loginAs(app, { ...pjPdam, totpSecret })).headers
  return { ctx, app, owner, pdam, headers, pjPdamHeaders, adminId: admin.id, pjPdamId: pjPdam.id }
}

describe('routing rules routes', () => {
  it('add, list, change, reorder and delete rules, audited; only from a top-level unit', async () => {
    const s = await setup()
    const add = (payload: Record<string, unknown>, headers = s.headers) =>
      s.app.inject({ method: 'POST', url: '/api/routing-rules', headers, payload })
    const first = await add({
      name: 'Air ke PDAM',
      conditions: { keywordsAny: ['air mati'], intents: ['keluhan'] },
      action: { kind: 'assign_unit', unitId: s.pdam.id },
    })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({
      position: 1,
      enabled: true,
      conditions: { keywordsAny: ['air mati'], intents: ['keluhan'], hoaxMatched: null },
    })
    const second = await add({
      name: 'Hoaks',
      conditions: { hoaxMatched: true },
      action: { kind: 'set_priority_floor', priority: 80 },
    })
    expect(second.json()).toMatchObject({ position: 2 })

    const empty = await add({ name: 'Kosong', conditions: {}, action: { kind: 'add_label', label: 'x' } })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.details.conditions.key).toBe('routing.condition_required')
    // A penanggung jawab of one unit does not route the whole instansi.
    expect(
      (
        await add(
          { name: 'x', conditions: { hoaxMatched: true }, action: { kind: 'add_label', label: 'x' } },
          s.pjPdamHeaders,
        )
      ).statusCode,
    ).toBe(403)

    // The admin reads no inbox: an item cannot be assigned to them, and the form does not offer them.
    const toAdmin = await add({
      name: 'Ke admin',
      conditions: { hoaxMatched: true },
      action: { kind: 'assign_user', userId: s.adminId },
    })
    expect(toAdmin.json().error.details['action.userId'].key).toBe('routing.user_unknown')

    const list = await s.app.inject({ method: 'GET', url: '/api/routing-rules', headers: s.headers })
    expect(list.statusCode, list.body).toBe(200)
    const body = list.json<{
      items: Array<{ id: string; name: string }>
      references: { units: Array<{ id: string }>; users: Array<{ id: string }> }
    }>()
    expect(body.items.map((rule) => rule.name)).toEqual(['Air ke PDAM', 'Hoaks'])
    expect(body.references.units.map((unit) => unit.id)).toContain(s.pdam.id)
    expect(body.references.users.map((user) => user.id)).toEqual([s.pjPdamId])

    const changed = await s.app.inject({
      method: 'PATCH',
      url: `/api/routing-rules/${first.json().id}`,
      headers: s.headers,
      payload: { enabled: false },
    })
    expect(changed.json()).toMatchObject({ enabled: false, name: 'Air ke PDAM' })

    const reordered = await s.app.inject({
      method: 'PUT',
      url: '/api/routing-rules/order',
      headers: s.headers,
      payload: { ids: [second.json().id, first.json().id] },
    })
    expect(reordered.statusCode, reordered.body).toBe(200)
    expect(reordered.json().items.map((rule: { name: string }) => rule.name)).toEqual([
      'Hoaks',
      'Air ke PDAM',
    ])
    const partial = await s.app.inject({
      method: 'PUT',
      url: '/api/routing-rules/order',
      headers: s.headers,
      payload: { ids: [second.json().id] },
    })
    expect(partial.statusCode).toBe(409)

    const removed = await s.app.inject({
      method: 'DELETE',
      url: `/api/routing-rules/${first.json().id}`,
      headers: s.headers,
    })
    expect(removed.statusCode).toBe(200)

    const actions = (await searchAudit(s.ctx.db, { instansiId: s.owner.id })).map((entry) => entry.action)
    for (const action of [
      'routing_rule.create',
      'routing_rule.update',
      'routing_rule.reorder',
      'routing_rule.delete',
    ])
      expect(actions).toContain(action)
  })

  it('previews a rule on a sample text: the engine reads the intent, keywords match on the normalised text', async () => {
    const s = await setup()
    const preview = (rule: Record<string, unknown>, sample: Record<string, unknown>) =>
      s.app.inject({
        method: 'POST',
        url: '/api/routing-rules/preview',
        headers: s.headers,
        payload: { rule, sample },
      })
    const rule = {
      conditions: { keywordsAll: ['air', 'tidak mengalir'], platforms: ['instagram'] },
      action: { kind: 'assign_unit', unitId: s.pdam.id },
    }
    const hit = await preview(rule, { text: 'Air gak ngalir dari pagi, tolong', platform: 'instagram' })
    expect(hit.statusCode, hit.body).toBe(200)
    expect(hit.json()).toMatchObject({
      matches: true,
      conditions: [
        { condition: 'keywordsAll', matched: true },
        { condition: 'platforms', matched: true },
      ],
      sample: { platform: 'instagram', hoaxClaim: null },
    })
    expect(hit.json().sample.normalisedText).toContain('tidak mengalir')
    const miss = await preview(rule, { text: 'Air gak ngalir dari pagi', platform: 'x' })
    expect(miss.json()).toMatchObject({ matches: false, conditions: [{ matched: true }, { matched: false }] })
    const intent = await preview(
      { conditions: { intents: ['apresiasi'] }, action: { kind: 'add_label', label: 'pujian' } },
      { text: 'Terima kasih banyak, pelayanannya cepat sekali!' },
    )
    expect(intent.json().sample.intent).toBe('apresiasi')
    expect(intent.json().matches).toBe(true)
  })
})
