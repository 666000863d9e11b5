import { describe, expect, it } from 'vitest'
import {
  ACTIONS,
  ROLES,
  allowedActions,
  authorize,
  can,
  unitScope,
  whyNot,
  type Action,
  type Actor,
  type Role,
} from './policy.ts'
import { AppError } from '../app-error.ts'

// The expected answer for every role × action, written out by hand from product.md so that a change to
// PERMISSIONS has to be made twice on purpose. A = admin, J = penanggung_jawab, P = pengelola, N = analis,
// D = ppid, M = pimpinan, U = auditor.
const EXPECTED: Record<Action, string> = {
  'unit.read': 'AJPNDMU',
  'unit.manage': 'A',
  'user.read': 'AJU',
  'user.manage': 'A',
  'account.read': 'AJPNDMU',
  'account.manage': 'AJ',
  'naming.manage': 'A',
  'calendar.read': 'AJPNDMU',
  'calendar.manage': 'A',
  'audit.read': 'AU',
  'audit.export': 'AU',
  'settings.manage': 'A',
  'post.read': 'JPNMU',
  'post.create': 'JP',
  'post.approve': 'J',
  'approval.manage': 'AJ',
  'inbox.read': 'JPD',
  'inbox.reply': 'JP',
  'listening.manage': 'N',
  'report.read': 'JNMU',
  'ppid.manage': 'D',
  'hoax.manage': 'J',
  'agenda.manage': 'AJ',
  'saved_reply.manage': 'J',
  'routing.manage': 'AJ',
}
const LETTER: Record<Role, string> = {
  admin: 'A',
  penanggung_jawab: 'J',
  pengelola: 'P',
  analis: 'N',
  ppid: 'D',
  pimpinan: 'M',
  auditor: 'U',
}

const INSTANSI = 'inst-a'
const ROOT = '/root/'
const BIDANG = '/root/bidang/'
const SEKSI = '/root/bidang/seksi/'
const LAIN = '/root/lain/'

function actor(role: Role, unitPath: string, instansiId = INSTANSI): Actor {
  return {
    userId: 'u',
    instansiId,
    label: 'u@uji.go.id',
    via: 'session',
    grants: [{ unitId: unitPath, unitPath, role }],
  }
}

describe('policy table', () => {
  it('covers every action of the policy', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
  })

  const cases = ROLES.flatMap((role) =>
    ACTIONS.map((action) => ({ role, action, allowed: EXPECTED[action].includes(LETTER[role]) })),
  )
  it.each(cases)(
    'answers $role × $action with allowed=$allowed for a role on the root unit',
    ({ role, action, allowed }) => {
      expect(can(actor(role, ROOT), action, { instansiId: INSTANSI, unitPath: SEKSI })).toBe(allowed)
      expect(can(actor(role, ROOT), action, { instansiId: INSTANSI })).toBe(allowed)
    },
  )

  it.each(cases)(
    'lists $action among the allowed actions of $role exactly when the table says so',
    ({ role, action, allowed }) => {
      expect(allowedActions(actor(role, ROOT)).includes(action)).toBe(allowed)
    },
  )
})

describe('unit subtrees', () => {
  it('lets a role on a unit act on that unit and everything below it', () => {
    const pengelola = actor('pengelola', BIDANG)
    expect(can(pengelola, 'post.create', { instansiId: INSTANSI, unitPath: BIDANG })).toBe(true)
    expect(can(pengelola, 'post.create', { instansiId: INSTANSI, unitPath: SEKSI })).toBe(true)
  })

  it('refuses the unit above and sibling units', () => {
    const pengelola = actor('pengelola', BIDANG)
    expect(can(pengelola, 'post.create', { instansiId: INSTANSI, unitPath: ROOT })).toBe(false)
    expect(can(pengelola, 'post.create', { instansiId: INSTANSI, unitPath: LAIN })).toBe(false)
    expect(whyNot(pengelola, 'post.create', { instansiId: INSTANSI, unitPath: LAIN })).toMatch(
      /no grant covers/,
    )
  })

  it('does not confuse a unit with another whose id starts the same way', () => {
    const pengelola = actor('pengelola', '/root/bid/')
    expect(can(pengelola, 'post.create', { instansiId: INSTANSI, unitPath: '/root/bidang/' })).toBe(false)
  })

  it('needs the role on a top-level unit for instansi-wide actions', () => {
    expect(can(actor('admin', BIDANG), 'calendar.manage', { instansiId: INSTANSI, unitPath: BIDANG })).toBe(
      false,
    )
    expect(can(actor('admin', ROOT), 'calendar.manage', { instansiId: INSTANSI })).toBe(true)
    expect(can(actor('auditor', BIDANG), 'audit.read', { instansiId: INSTANSI })).toBe(false)
    expect(can(actor('admin', BIDANG), 'user.manage', { instansiId: INSTANSI })).toBe(false)
  })

  it('combines several grants: each holds in its own subtree', () => {
    const both: Actor = {
      ...actor('analis', BIDANG),
      grants: [
        { unitId: 'b', unitPath: BIDANG, role: 'analis' },
        { unitId: 'l', unitPath: LAIN, role: 'pengelola' },
      ],
    }
    expect(can(both, 'post.create', { instansiId: INSTANSI, unitPath: LAIN })).toBe(true)
    expect(can(both, 'post.create', { instansiId: INSTANSI, unitPath: SEKSI })).toBe(false)
    expect(can(both, 'listening.manage', { instansiId: INSTANSI, unitPath: SEKSI })).toBe(true)
  })

  it('scopes list queries to the minimal set of subtrees that allow the action', () => {
    const many: Actor = {
      ...actor('admin', ROOT),
      grants: [
        { unitId: 'b', unitPath: BIDANG, role: 'pengelola' },
        { unitId: 's', unitPath: SEKSI, role: 'pengelola' },
        { unitId: 'l', unitPath: LAIN, role: 'analis' },
      ],
    }
    expect(unitScope(many, 'post.create').pathPrefixes).toEqual([BIDANG])
    expect(unitScope(many, 'post.read').pathPrefixes.sort()).toEqual([BIDANG, LAIN].sort())
    expect(unitScope(many, 'user.manage').pathPrefixes).toEqual([])
  })

  it('allows nothing to a user without grants', () => {
    const nobody: Actor = { ...actor('admin', ROOT), grants: [] }
    for (const action of ACTIONS)
      expect(can(nobody, action, { instansiId: INSTANSI, unitPath: ROOT })).toBe(false)
    expect(allowedActions(nobody)).toEqual([])
  })
})

describe('across instansi', () => {
  it.each(ROLES)(
    'never lets a %s of one instansi act on another instansi, and reports it as not found',
    (role) => {
      const foreign = actor(role, ROOT, 'inst-b')
      for (const action of ACTIONS) {
        expect(can(foreign, action, { instansiId: INSTANSI, unitPath: ROOT })).toBe(false)
        expect(() => authorize(foreign, action, { instansiId: INSTANSI, unitPath: ROOT })).toThrow(
          expect.objectContaining({ code: 'not_found' }) as unknown,
        )
      }
    },
  )

  it('reports a refused action inside the own instansi as forbidden, not as not found', () => {
    try {
      authorize(actor('pengelola', BIDANG), 'user.manage', { instansiId: INSTANSI, unitPath: BIDANG })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('forbidden')
    }
  })
})
