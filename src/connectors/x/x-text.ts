// X's text rules beyond the shared weighted count (src/shared/count-text.ts, the composer's and the server's):
// X counts the NFC form (platforms.md §3.3 item 9), and the URLs in a text decide its price (x-cost.ts) and are
// compared as t.co links when findPublished reads the timeline back. Bare domains (diskominfo.go.id) are links on
// X too (twitter-text's autolinker), so they count as URLs here.
import { countText } from '../../shared/count-text.ts'
import { PLATFORM_RULES } from '../../shared/platform-rules.ts'
export { urlsIn } from '../../shared/x-cost.ts'

export const X_MAX_WEIGHTED_LENGTH = PLATFORM_RULES.x.maxTextLength

/** The length X counts for a post's text: the shared weighted count of its NFC form. */
export function xWeightedLength(text: string): number {
  return countText(text.normalize('NFC'), 'x_weighted')
}
