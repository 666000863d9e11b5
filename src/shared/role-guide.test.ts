import { describe, expect, it } from 'vitest'
import { isMessageKey } from './messages/catalogue.ts'
import { formatMessage } from './messages/format-message.ts'
import { ACTIONS, PERMISSIONS } from './permissions.ts'
import { abilitiesOf, actionLabelKey, conflictingRole, roleSummaryKey } from './role-guide.ts'
import { ROLES } from './roles.ts'

describe('the role guide', () => {
  it('names every action of the permission table in both languages', () => {
    for (const action of ACTIONS) {
      expect(isMessageKey(actionLabelKey(action)), action).toBe(true)
      expect(formatMessage('en', actionLabelKey(action))).not.toBe(
        formatMessage('id', actionLabelKey(action)),
      )
    }
  })

  it('has a summary for every role', () => {
    for (const role of ROLES) expect(isMessageKey(roleSummaryKey(role)), role).toBe(true)
  })

  it('lists exactly the abilities the policy grants, so the description cannot drift from it', () => {
    for (const role of ROLES) expect(new Set(abilitiesOf(role))).toEqual(PERMISSIONS[role])
    expect(abilitiesOf('pimpinan')).not.toContain('post.approve')
    expect(abilitiesOf('penanggung_jawab')).toContain('post.approve')
  })

  it('keeps admin and auditor apart in both directions, and lets other roles combine', () => {
    expect(conflictingRole('auditor', ['pengelola', 'admin'])).toBe('admin')
    expect(conflictingRole('admin', ['auditor'])).toBe('auditor')
    expect(conflictingRole('admin', ['penanggung_jawab', 'pengelola'])).toBeNull()
    expect(conflictingRole('pimpinan', ['admin', 'auditor'])).toBeNull()
  })
})
