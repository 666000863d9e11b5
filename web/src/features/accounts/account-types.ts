// The official-account record as the API returns it (product.md §1).

export const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'bluesky',
  'mastodon',
  'telegram',
  'threads',
  'whatsapp',
] as const
export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified'] as const

export interface AccountPengelola {
  userId: string
  email?: string
  name?: string
  suratTugasNumber: string
  suratTugasDate: string
}

export interface NamingVerdict {
  pattern: string
  compliant: boolean
  expected: string
  reason: string | null
}

export interface Account {
  id: string
  unit: { id: string; code: string; name: string }
  platform: string
  handle: string
  displayName: string | null
  url: string
  penanggungJawab: { userId: string; email: string; name: string } | null
  pengelola: AccountPengelola[]
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
  status: string
  notes: string
  naming: NamingVerdict | null
}

export interface NamingIssue {
  accountId: string
  platform: string
  handle: string
  unitName: string
  pattern: string
  expected: string
  reason: string
}

export interface ImportResult {
  rows: number
  created: number
  updated: number
  unchanged: number
  errors: { row: number; column: string; message: string }[]
}
