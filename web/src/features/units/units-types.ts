// A unit kerja as GET /api/units returns it.

export interface Unit {
  id: string
  parentId: string | null
  code: string
  name: string
  path: string
  kind?: string
  /** How citizens reach the unit (a saved reply's {kontak_unit}). */
  contact?: string
  depth?: number
  archivedAt: string | null
  attributes?: Record<string, string>
}
