// A unit as GET /api/units answers it, for component tests: the fields a test cares about, the rest filled in.
import type { Unit } from '../features/units/units-types.ts'

export function testUnit(fields: Pick<Unit, 'id' | 'name' | 'code' | 'path'> & Partial<Unit>): Unit {
  return {
    parentId: null,
    kind: 'lainnya',
    contact: '',
    attributes: {},
    depth: fields.path.split('/').filter(Boolean).length - 1,
    archivedAt: null,
    createdAt: '2026-01-05T01:00:00.000Z',
    updatedAt: '2026-01-05T01:00:00.000Z',
    ...fields,
  }
}
