// What one publication costs on X's pay-per-use API, shown before publishing (issue #8, platforms.md §3.3 item 7
// and §7 pitfall 6): a post is US$0.015, a post containing a URL US$0.200. platforms.md gives no price for media
// uploads, so they are not counted (docs/platforms/x.md says so). Pure: no I/O, the UI calls it as the text changes.
import type { PublishRequest } from '../connector.ts'
import { urlsIn } from './x-text.ts'

export const X_PRICE_PER_POST_USD = 0.015
export const X_PRICE_PER_POST_WITH_URL_USD = 0.2

export interface XCostEstimate {
  /** In US dollars, as X bills the credits. */
  usd: number
  /** Why this price: a plain post, or one containing a URL (X's higher write price). */
  basis: 'post' | 'post_with_url'
}

export function estimateXCost(request: Pick<PublishRequest, 'text'>): XCostEstimate {
  return urlsIn(request.text).length > 0
    ? { usd: X_PRICE_PER_POST_WITH_URL_USD, basis: 'post_with_url' }
    : { usd: X_PRICE_PER_POST_USD, basis: 'post' }
}
