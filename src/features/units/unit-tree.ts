// Pure rules of the unit tree: where a moved unit's path goes, which moves are refused, and the depth-first
// order the tree is listed in.
export interface TreeUnit {
  id: string
  parentId: string | null
  path: string
  name: string
}

export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1
}

export type MoveRefusal =
  'units.root_cannot_move' | 'units.cannot_move_under_itself' | 'units.cannot_move_under_descendant'

/** Why a unit may not move under `newParent` (a message key), or null. Paths are '/<root>/…/<id>/'. */
export function whyCannotMove(unit: TreeUnit, newParent: TreeUnit): MoveRefusal | null {
  if (unit.parentId === null) return 'units.root_cannot_move'
  if (newParent.id === unit.id) return 'units.cannot_move_under_itself'
  if (newParent.path.startsWith(unit.path)) return 'units.cannot_move_under_descendant'
  return null
}

/** The new path of any unit in the moved subtree. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new RangeError(`${path} is not under ${oldPrefix}`)
  return newPrefix + path.slice(oldPrefix.length)
}

/**
 * Depth-first order, siblings by name: the order a tree view shows. Units whose parent is not in the list (the
 * top of what this user may see) become roots.
 */
export function orderAsTree<T extends TreeUnit>(units: readonly T[]): Array<T & { depth: number }> {
  const ids = new Set(units.map((unit) => unit.id))
  const children = new Map<string | null, T[]>()
  for (const unit of units) {
    const key = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null
    const list = children.get(key) ?? []
    list.push(unit)
    children.set(key, list)
  }
  for (const list of children.values())
    list.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id))
  const out: Array<T & { depth: number }> = []
  const visit = (parentId: string | null, depth: number) => {
    for (const unit of children.get(parentId) ?? []) {
      out.push({ ...unit, depth })
      visit(unit.id, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** Attributes as seen from a unit: its own over those of the units above it, nearest first. */
export function inheritedAttributes(
  path: string,
  attributesById: ReadonlyMap<string, Record<string, string>>,
): Record<string, string> {
  const merged: Record<string, string> = {}
  for (const id of path.split('/').filter(Boolean)) Object.assign(merged, attributesById.get(id) ?? {})
  return merged
}
