// A status' HTML content back to the text a person wrote, and the text compared across what Warta sent and what the
// instance shows. (How Mastodon counts a status is the shared `countText(text, 'mastodon')`, src/shared/count-text.ts,
// so the composer counts as the instance does.)
// Statuses come back as HTML (`content`): paragraphs, <br>, links whose shortened display hides part of the
// address in `invisible` spans (the text keeps the whole address), and entities.

const REMOTE_MENTION =
  /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)@[\p{L}\p{N}.-]+\.[\p{L}\p{N}-]+/giu

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** The plain text of a status' HTML content: paragraphs become blank lines, <br> a newline, tags go. */
export function plainText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text).trim()
}

/** The text without the leading mentions of `username` (a reply to the account starts with them). */
export function withoutLeadingMention(text: string, username: string): string {
  const own = new RegExp(`^(?:@${username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:@[^\\s]+)?\\s+)+`, 'iu')
  return text.replace(own, '')
}

/** Text compared across what Warta sent and what the instance shows: mentions' domains and spacing aside. */
export function comparable(text: string): string {
  return text
    .replace(REMOTE_MENTION, (_whole, before: string, user: string) => `${before}@${user}`)
    .replace(/\s+/g, ' ')
    .trim()
}
