// Platform text limits, as the shared table of platform rules states them (src/shared/platform-rules.ts): the
// limit and how the platform counts (X's weighted count, Mastodon's with links as 23, Bluesky's graphemes, TikTok's
// UTF-16 units, YouTube's UTF-8 bytes, code points elsewhere), measured by the same countText as the composer's
// counter and the connectors, so the language engine never calls a text too long that the composer lets through.
import { countText } from '../../shared/count-text.ts'
import { PLATFORM_RULES, type TextCounting } from '../../shared/platform-rules.ts'
import type { Platform } from '../types.ts'

/** Length of `text` in the unit its platform counts. */
export function measureForPlatform(platform: Platform, text: string): number {
  return countText(text, PLATFORM_RULES[platform].textCounting)
}

export interface LimitCheck {
  length: number
  limit: number
  counting: TextCounting
  fits: boolean
}

export function checkPlatformLimit(platform: Platform, text: string): LimitCheck {
  const { maxTextLength: limit, textCounting: counting } = PLATFORM_RULES[platform]
  const length = measureForPlatform(platform, text)
  return { length, limit, counting, fits: length <= limit }
}
