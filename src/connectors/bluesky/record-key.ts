// The record key of a published post, derived from the publication's idempotency key, so that publishing is
// idempotent on Bluesky: a second createRecord with the same key cannot make a second post, and findPublished
// reads the post back by its key alone (no timeline scan, no text matching).
//
// app.bsky.feed.post keys must be TIDs (atproto.com/specs/tid): 13 characters of base32-sortable, a 64-bit integer
// whose top bit is 0, then 53 bits of microseconds since 1970, then a 10-bit clock id. A TID from a hash could
// land centuries in the future, which sorts badly and may look odd to other services; so the timestamp is kept in
// a fixed past window (2023-01-01 plus up to 2^43 µs ≈ 102 days) and the hash fills the low 43 bits of it and the
// clock id: 53 bits of the hash in all, far from collisions among one account's posts.
import { createHash } from 'node:crypto'

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz'
const WINDOW_START_MICROS = BigInt(Date.UTC(2023, 0, 1)) * 1000n
const HASH_TIMESTAMP_BITS = 43n

/** A well-formed TID: what the PDS accepts as the record key of a post. */
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/

export function recordKeyFor(idempotencyKey: string): string {
  const digest = createHash('sha256').update(`warta:bluesky:post:${idempotencyKey}`).digest()
  const bits = digest.readBigUInt64BE(0)
  const timestampOffset = bits >> (64n - HASH_TIMESTAMP_BITS)
  const clockId = (bits >> (64n - HASH_TIMESTAMP_BITS - 10n)) & 0x3ffn
  const value = ((WINDOW_START_MICROS + timestampOffset) << 10n) | clockId
  let key = ''
  for (let shift = 60n; shift >= 0n; shift -= 5n) key += BASE32_SORTABLE[Number((value >> shift) & 31n)]
  return key
}

/** The record key of one of our replies, from the reply's id: apart from any publication's key by its prefix. */
export function replyKeyFor(replyId: string): string {
  return recordKeyFor(`reply:${replyId}`)
}
