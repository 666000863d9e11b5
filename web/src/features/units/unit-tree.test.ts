import { describe, expect, it } from 'vitest'
import { buildUnitTree, flattenUnitTree, unitOptionLabel } from './unit-tree.ts'
import { testUnit } from '../../test-support/test-unit.ts'
import type { Unit } from './units-types.ts'

const unit = (id: string, name: string, parentId: string | null): Unit =>
  testUnit({ id, name, parentId, code: id.toUpperCase(), path: id })

describe('unit tree', () => {
  it('orders siblings as an Indonesian reader expects, numbers by value and case ignored', () => {
    const tree = buildUnitTree([
      unit('root', 'Sekretariat', null),
      unit('b10', 'Bidang 10', 'root'),
      unit('b2', 'bidang 2', 'root'),
      unit('a', 'Arsip', 'root'),
    ])
    expect(flattenUnitTree(tree).map(({ unit: node, depth }) => unitOptionLabel(node, depth))).toEqual([
      'Sekretariat (ROOT)',
      '— Arsip (A)',
      '— bidang 2 (B2)',
      '— Bidang 10 (B10)',
    ])
  })
})
