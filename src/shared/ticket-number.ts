// The ticket number a citizen is told ({nomor_tiket} in a saved reply): a short, stable code derived from the inbox
// item's id, so it needs no sequence, no column and no lock, and reads the same in every answer about the item.
// The last 48 bits of the id (random in both UUID v4 and v7) in Crockford's base32 (no I, L, O, U: read aloud over
// the phone without confusion), as WT-XXXXX-XXXXX. A leaf module: no imports.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function ticketNumber(itemId: string): string {
  const hex = itemId.replace(/-/g, '').toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a uuid: ${itemId}`)
  let value = BigInt(`0x${hex.slice(20)}`)
  let code = ''
  for (let i = 0; i < 10; i++) {
    code = ALPHABET[Number(value & 31n)]! + code
    value >>= 5n
  }
  return `WT-${code.slice(0, 5)}-${code.slice(5)}`
}

/** Reads a ticket number as typed (any case, with or without the prefix and dash; O read as 0, I and L as 1). */
export function normaliseTicketNumber(text: string): string | undefined {
  const compact = text
    .trim()
    .toUpperCase()
    .replace(/^WT-?/, '')
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(compact)) return undefined
  return `WT-${compact.slice(0, 5)}-${compact.slice(5)}`
}
