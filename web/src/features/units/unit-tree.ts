// Turns the flat unit list from the API into a tree, ordered by name (Indonesian collation), and lists units
// with their depth for tree tables and <select> options ("— Subbag Humas").
import { compareIndonesian } from '../../components/indonesian-collation.ts'
import type { Unit } from './units-types.ts'

export type { Unit } from './units-types.ts'

export interface UnitNode extends Unit {
  children: UnitNode[]
}

export interface UnitOption {
  unit: Unit
  depth: number
}

export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((unit) => [unit.id, { ...unit, children: [] }]))
  const roots: UnitNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareIndonesian(a.name, b.name))
    for (const node of list) sort(node.children)
  }
  sort(roots)
  return roots
}

export function flattenUnitTree(roots: readonly UnitNode[], depth = 0): { unit: UnitNode; depth: number }[] {
  return roots.flatMap((unit) => [{ unit, depth }, ...flattenUnitTree(unit.children, depth + 1)])
}

export function unitOptionLabel(unit: Unit, depth: number): string {
  return `${'— '.repeat(depth)}${unit.name} (${unit.code})`
}
