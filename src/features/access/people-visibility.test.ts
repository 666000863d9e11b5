import { describe, expect, it } from 'vitest'
import { maySeePeople, maySeePerson } from './people-visibility.ts'
import type { Actor, Role } from './policy.ts'

const actor = (role: Role, unitPath: string): Actor => ({
  userId: 'u',
  instansiId: 'i',
  label: 'u',
  via: 'session',
  grants: [{ unitId: unitPath, unitPath, role }],
})

describe('maySeePerson', () => {
  it('shows a person to a user.read holder over one of their units', () => {
    expect(maySeePerson(actor('penanggung_jawab', '/a/'), 'i', [{ unitPath: '/a/b/' }])).toBe(true)
    expect(maySeePerson(actor('admin', '/a/'), 'i', [{ unitPath: '/c/' }, { unitPath: '/a/x/' }])).toBe(true)
  })

  it('hides a person from roles without user.read and from readers of another branch or instansi', () => {
    expect(maySeePerson(actor('pengelola', '/a/'), 'i', [{ unitPath: '/a/b/' }])).toBe(false)
    expect(maySeePerson(actor('penanggung_jawab', '/a/b/'), 'i', [{ unitPath: '/a/c/' }])).toBe(false)
    expect(maySeePerson(actor('admin', '/a/'), 'other', [{ unitPath: '/a/' }])).toBe(false)
  })

  it('shows a person without any role to instansi-wide readers only', () => {
    expect(maySeePerson(actor('admin', '/a/'), 'i', [])).toBe(true)
    expect(maySeePerson(actor('penanggung_jawab', '/a/b/'), 'i', [])).toBe(false)
  })
})

describe('maySeePeople', () => {
  it('answers whether the caller holds user.read anywhere', () => {
    expect(maySeePeople(actor('auditor', '/a/'))).toBe(true)
    expect(maySeePeople(actor('pimpinan', '/a/'))).toBe(false)
  })
})
