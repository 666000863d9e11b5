// Audit log entries as GET /api/audit returns them.

export interface AuditEntry {
  id: number
  seq: number
  occurredAt: string
  actorUserId: string | null
  actorLabel: string
  action: string
  objectType: string
  objectId: string | null
  before: unknown
  after: unknown
  ip: string | null
  userAgent: string | null
  hash?: string
}

export interface AuditPage {
  items: AuditEntry[]
  nextBeforeId: number | null
}
