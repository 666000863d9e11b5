// 32-bit FNV-1a over UTF-16 code units, and a mixer to combine hashes (bigrams, namespaces). No allocations.
const FNV_OFFSET = 0x811c9dc5

export function fnv1a(text: string, start = 0, end = text.length, seed = FNV_OFFSET): number {
  let h = seed
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Murmur3's finaliser over a pair: cheap and well spread, so bigram and namespace hashes do not collide in bulk. */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
