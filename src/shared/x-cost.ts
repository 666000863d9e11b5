// What one publication costs on X's pay-per-use API, shown in the composer before publishing (issue #8,
// platforms.md §3.3 item 7 and §7 pitfall 6): a post is US$0.015, a post containing a URL US$0.200. platforms.md
// gives no price for media uploads, so they are not counted (docs/platforms/x.md says so). A leaf, like the rest
// of src/shared: the composer and the X connector use the same rule.

export const X_PRICE_PER_POST_USD = 0.015
export const X_PRICE_PER_POST_WITH_URL_USD = 0.2

const URL_PATTERN =
  /\bhttps?:\/\/[^\s]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|id|co|io|gov|info|me)\b(?:\/[^\s]*)?/giu

/** The URLs X would turn into t.co links in the text (bare domains too, as X's autolinker does). */
export function urlsIn(text: string): string[] {
  return text.normalize('NFC').match(URL_PATTERN) ?? []
}

export interface XCostEstimate {
  /** In US dollars, as X bills the credits. */
  usd: number
  /** Why this price: a plain post, or one containing a URL (X's higher write price). */
  basis: 'post' | 'post_with_url'
}

export function estimateXCost(request: { text: string }): XCostEstimate {
  return urlsIn(request.text).length > 0
    ? { usd: X_PRICE_PER_POST_WITH_URL_USD, basis: 'post_with_url' }
    : { usd: X_PRICE_PER_POST_USD, basis: 'post' }
}
