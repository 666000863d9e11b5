// Users as GET /api/users returns them, with their role grants.

export interface UserGrant {
  id: string
  role: string
  unitId: string
  unitName?: string
  unitCode?: string
}

export interface UserRow {
  id: string
  name: string
  email: string
  locale?: string
  disabled: boolean
  twoFactorEnabled?: boolean
  mustChangePassword?: boolean
  /** Mode Latihan: this user's posts go only to sandbox accounts. */
  trainingMode?: boolean
  lastLoginAt?: string | null
  grants: UserGrant[]
}

export interface CreatedUser {
  user: UserRow
  temporaryPassword: string | null
}
