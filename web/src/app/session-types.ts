// Who is signed in, as `GET /api/auth/me` answers (and `PATCH /api/me`, which returns the same object).

export interface MeRole {
  grantId?: string
  role: string
  unitId: string
  unitName?: string
  unitCode?: string
  unitPath?: string
}

export interface Me {
  user: {
    id: string
    name: string
    email: string
    /** The language saved in the profile: 'id' or 'en'. */
    locale?: string
    twoFactorEnabled?: boolean
    mustChangePassword?: boolean
    lastLoginAt?: string | null
  }
  instansi: { id: string; name: string; slug: string }
  roles: MeRole[]
  allowedActions: string[]
  csrfToken: string | null
  mustEnrolTwoFactor: boolean
  twoFactorPending?: boolean
}

export interface SetupStatus {
  needed: boolean
}
