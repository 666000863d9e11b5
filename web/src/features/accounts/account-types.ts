// The official-account record as the API returns it (product.md §1). The vocabulary (platforms, statuses) is
// in src/shared; this file holds only the shapes of the answers.

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
  url: string | null
  penanggungJawab: { userId: string; email: string; name: string } | null
  pengelola: AccountPengelola[]
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
  status: string
  notes: string
  naming: NamingVerdict | null
}

export interface AccountPage {
  items: Account[]
  total: number
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

export interface ImportRowError {
  row: number
  column: string
  message: string
}

export interface ImportResult {
  rows: number
  created: number
  updated: number
  unchanged: number
  errors: ImportRowError[]
}
