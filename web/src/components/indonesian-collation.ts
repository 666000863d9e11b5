// One ordering for every list people read: Indonesian collation (case and accents ignored, numbers in a name
// compared as numbers, so "Bidang 2" comes before "Bidang 10").
const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true })

/** Compares two texts as an Indonesian reader expects; for Array.prototype.sort. */
export function compareIndonesian(a: string, b: string): number {
  return collator.compare(a, b)
}

/** A sorted copy of `items`, ordered by the text `select` reads from each. */
export function sortByText<T>(items: readonly T[], select: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(select(a), select(b)))
}
