// Text that cannot be stored: PostgreSQL refuses a NUL byte in text (the query fails, and the failed statement
// with its parameters lands in the log), and a lone UTF-16 surrogate is not a character at all (it turns into
// U+FFFD or an encoding error on its way to the database). Every request part that a route validates is checked
// for both, strings and object keys alike, before its zod schema runs, so no route needs to remember it.

/** True when the string holds a NUL or a surrogate without its pair. */
export function isUnsafeText(value: string): boolean {
  return value.includes('\u0000') || !value.isWellFormed()
}

interface Visit {
  value: unknown
  key: string | number | null
  parent: Visit | null
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = []
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key)
  return path.reverse()
}

/**
 * Paths of the strings (and object keys) in `data` that hold unsafe text, at most `limit` of them. Walks without
 * recursion: a parsed body may nest thousands of levels deep.
 */
export function findUnsafeText(data: unknown, limit: number): (string | number)[][] {
  const found: (string | number)[][] = []
  const stack: Visit[] = [{ value: data, key: null, parent: null }]
  while (stack.length > 0 && found.length < limit) {
    const visit = stack.pop()!
    const { value } = visit
    if (typeof value === 'string') {
      if (isUnsafeText(value)) found.push(pathOf(visit))
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--)
        stack.push({ value: value[index], key: index, parent: visit })
    } else if (value !== null && typeof value === 'object') {
      const entries: [string, unknown][] = Object.entries(value)
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!
        if (isUnsafeText(key)) {
          found.push([...pathOf(visit), key])
          if (found.length >= limit) break
        }
        stack.push({ value: child, key, parent: visit })
      }
    }
  }
  return found
}
