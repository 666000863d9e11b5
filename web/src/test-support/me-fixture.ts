// A signed-in user for page tests: a complete `Me` answer with the parts a test cares about overridden.
import type { Action, Grant, Me } from '../app/session-types.ts'

export interface TestMeOptions {
  user?: Partial<Me['user']>
  /** Grants by role and unit name; the rest of each grant is filled in. */
  grants?: (Partial<Grant> & { role: string })[]
  allowedActions?: readonly string[]
  mustEnrolTwoFactor?: boolean
  twoFactorPending?: boolean
  demo?: boolean
}

export function testMe(options: TestMeOptions = {}): Me {
  return {
    user: {
      id: 'u1',
      name: 'Sari Wulandari',
      email: 'sari@kota.go.id',
      locale: 'id',
      twoFactorEnabled: true,
      mustChangePassword: false,
      lastLoginAt: null,
      notificationEmail: 'immediately',
      trainingMode: false,
      ...options.user,
    },
    demo: options.demo ?? false,
    instansi: { id: 'i1', name: 'Pemerintah Kota Contoh', slug: 'kotacontoh' },
    grants: (options.grants ?? [{ role: 'admin' }]).map((grant, index) => ({
      id: `g${index + 1}`,
      unitId: 'root',
      unitCode: 'SETDA',
      unitName: 'Sekretariat Daerah',
      unitPath: 'setda',
      ...grant,
    })),
    // The pages only compare these with the action names they know; a test may name any.
    allowedActions: [...(options.allowedActions ?? [])] as Action[],
    csrfToken: 'csrf',
    mustEnrolTwoFactor: options.mustEnrolTwoFactor ?? false,
    twoFactorPending: options.twoFactorPending ?? false,
    via: 'session',
  }
}
