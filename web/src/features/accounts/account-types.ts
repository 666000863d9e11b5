// The official-account record as the API returns it (product.md §1).

export const PLATFORMS = ['x', 'instagram', 'facebook', 'tiktok', 'youtube', 'bluesky', 'mastodon', 'telegram', 'threads', 'whatsapp'] as const

export interface AccountPengelola {
  userId: string
  userName?: string
  letterNumber?: string | null
  letterDate?: string | null
}

export interface Account {
  id: string
  platform: string
  handle: string
  url: string | null
  unitId: string
  unitName?: string
  penanggungJawabId?: string | null
  penanggungJawabName?: string | null
  pengelola?: AccountPengelola[]
  verified: boolean
  platformTwoFactor: boolean
  lastCredentialRotation: string | null
  status: 'active' | 'dormant'
  notes: string | null
  naming?: { ok: boolean; reason?: string | null; expected?: string | null } | null
}

export interface NamingIssue {
  accountId: string
  platform: string
  handle: string
  unitName?: string
  expected?: string | null
  pattern?: string
  reason: string
}

export interface ImportResult {
  created?: number
  updated?: number
  imported?: number
  errors: { row: number; column?: string | null; message: string }[]
}
