import { describe, expect, it } from 'vitest'
import {
  childPath,
  depthOf,
  inheritedAttributes,
  orderAsTree,
  rebasePath,
  whyCannotMove,
} from './unit-tree.ts'

const root = { id: 'r', parentId: null, path: '/r/', name: 'Pusat' }
const biro = { id: 'b', parentId: 'r', path: '/r/b/', name: 'Biro Humas' }
const sub = { id: 's', parentId: 'b', path: '/r/b/s/', name: 'Subbag Media' }
const dinas = { id: 'd', parentId: 'r', path: '/r/d/', name: 'Dinas Kesehatan' }

describe('unit tree rules', () => {
  it('refuses moving a unit under itself or under one of its descendants', () => {
    expect(whyCannotMove(biro, biro)).toBe('units.cannot_move_under_itself')
    expect(whyCannotMove(biro, sub)).toBe('units.cannot_move_under_descendant')
  })

  it('refuses moving the root and allows moving a unit under a sibling', () => {
    expect(whyCannotMove(root, dinas)).toBe('units.root_cannot_move')
    expect(whyCannotMove(biro, dinas)).toBeNull()
  })

  it('does not mistake a sibling whose id starts with the same characters for a descendant', () => {
    const a = { id: 'a1', parentId: 'r', path: '/r/a1/', name: 'A' }
    const a12 = { id: 'a12', parentId: 'r', path: '/r/a12/', name: 'A12' }
    expect(whyCannotMove(a, a12)).toBeNull()
  })

  it('rebases every path of a moved subtree onto the new parent', () => {
    const newPrefix = childPath(dinas.path, biro.id)
    expect(newPrefix).toBe('/r/d/b/')
    expect(rebasePath(sub.path, biro.path, newPrefix)).toBe('/r/d/b/s/')
    expect(depthOf('/r/d/b/s/')).toBe(3)
    expect(() => rebasePath('/r/x/', biro.path, newPrefix)).toThrow(RangeError)
  })

  it('lists the tree depth-first with siblings by name', () => {
    expect(orderAsTree([sub, dinas, root, biro]).map((u) => `${u.depth}:${u.name}`)).toEqual([
      '0:Pusat',
      '1:Biro Humas',
      '2:Subbag Media',
      '1:Dinas Kesehatan',
    ])
  })

  it('makes the top of a partial tree its roots', () => {
    expect(orderAsTree([sub, biro]).map((u) => `${u.depth}:${u.id}`)).toEqual(['0:b', '1:s'])
  })

  it('lets a unit inherit attributes from the units above it, nearest first', () => {
    const attributes = new Map<string, Record<string, string>>([
      ['r', { kota: 'bandung', provinsi: 'jabar' }],
      ['b', { kota: 'cimahi' }],
    ])
    expect(inheritedAttributes(sub.path, attributes)).toEqual({ kota: 'cimahi', provinsi: 'jabar' })
  })
})
