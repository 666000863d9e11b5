// Turns the flat unit list from the API into a tree, ordered by name, and lists units with their depth for
// <select> options ("— Subbag Humas").

export interface Unit {
  id: string
  parentId: string | null
  code: string
  name: string
  path: string
  archivedAt: string | null
  attributes?: Record<string, string>
}

export interface UnitNode extends Unit {
  children: UnitNode[]
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
    list.sort((a, b) => a.name.localeCompare(b.name, 'id'))
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
