import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { DEFAULT_REPLY_TARGETS } from '../../../features/inbox/reply-targets.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { createTestInstansi, createTestUser } from '../../../../tests/support/fixtures.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'

async function signedIn(role: 'admin' | 'pengelola' | 'analis') {
  const context = await getTestContext()
  const app = await buildApp(context)
  const owner = await createTestInstansi(context.db)
  const secret = generateTotpSecret()
  const user = await createTestUser(context.db, owner, [{ unitId: owner.rootUnit.id, role }], {
    totpSecret: secret,
  })
  return { context, app, owner, headers: (await loginAs(app, { ...user, totpSecret: secret })).headers }
}

describe('reply-target routes', () => {
  it('show the defaults, let the admin change them (audited), and name a wrong field', async () => {
    const s = await signedIn('admin')
    const read = await s.app.inject({ method: 'GET', url: '/api/reply-targets', headers: s.headers })
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json()).toEqual({ settings: DEFAULT_REPLY_TARGETS, defaults: DEFAULT_REPLY_TARGETS })
    const changed = {
      reminders: { replyLeadMinutes: 30, deadlineLeadWorkingDays: 2 },
      workingHours: { ...DEFAULT_REPLY_TARGETS.workingHours, timeZone: 'WIT' },
      targets: { ...DEFAULT_REPLY_TARGETS.targets, keluhan: { tinggi: 1, sedang: 2, rendah: null } },
    }
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/reply-targets',
      headers: s.headers,
      payload: changed,
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/reply-targets', headers: s.headers })).json(),
    ).toMatchObject({
      settings: changed,
    })
    expect(
      await searchAudit(s.context.db, { instansiId: s.owner.id, action: 'sla.reply_targets' }),
    ).toHaveLength(1)
    const days = [...DEFAULT_REPLY_TARGETS.workingHours.days]
    days[5] = { start: '16:30', end: '08:00' }
    const wrong = await s.app.inject({
      method: 'PUT',
      url: '/api/reply-targets',
      headers: s.headers,
      payload: { ...changed, workingHours: { timeZone: 'WIB', days } },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json()).toMatchObject({
      error: { details: { 'workingHours.days.5.end': { key: 'sla.hours_range' } } },
    })
  })

  it('let a pengelola read but not change them, and an analis neither', async () => {
    const pengelola = await signedIn('pengelola')
    expect(
      (await pengelola.app.inject({ method: 'GET', url: '/api/reply-targets', headers: pengelola.headers }))
        .statusCode,
    ).toBe(200)
    const put = await pengelola.app.inject({
      method: 'PUT',
      url: '/api/reply-targets',
      headers: pengelola.headers,
      payload: DEFAULT_REPLY_TARGETS,
    })
    expect(put.statusCode).toBe(403)
    const analis = await signedIn('analis')
    expect(
      (await analis.app.inject({ method: 'GET', url: '/api/reply-targets', headers: analis.headers }))
        .statusCode,
    ).toBe(403)
  })
})
