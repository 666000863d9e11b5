// What the profile page reads from /api/me/*.

export interface SessionRow {
  id: string
  current?: boolean
  method?: string
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastSeenAt: string
  expiresAt?: string
}

export interface TokenRow {
  id: string
  name: string
  grants: { role: string; unitId: string }[]
  hint?: string
  expiresAt: string | null
  lastUsedAt: string | null
  createdAt: string
  revokedAt?: string | null
}

export interface CreatedToken {
  token: string
}

export interface TwoFactorStatus {
  enabled: boolean
  required: boolean
  recoveryCodesLeft: number
}
