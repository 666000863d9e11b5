// A unit kerja as GET /api/units returns it.

export interface Unit {
  id: string
  parentId: string | null
  code: string
  name: string
  path: string
  kind?: string
  depth?: number
  archivedAt: string | null
  attributes?: Record<string, string>
}
