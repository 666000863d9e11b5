// Platform text limits (platforms.md). Each platform counts differently: X by twitter-text's weighted length,
// Bluesky in graphemes, Mastodon in code points with every URL as 23, YouTube descriptions in UTF-8 bytes, the
// Meta and TikTok captions and Telegram in UTF-16 units as their APIs measure string length, Threads in code points
// with each emoji as its UTF-8 bytes (its posts documentation; the composer's count, src/shared/count-text.ts).
import twitterText from 'twitter-text'
import { countText } from '../../shared/count-text.ts'
import type { Platform } from '../types.ts'

export interface PlatformLimit {
  limit: number
  unit: 'weighted' | 'graphemes' | 'characters' | 'bytes'
}

const PLATFORM_LIMITS: Record<Platform, PlatformLimit> = {
  x: { limit: 280, unit: 'weighted' },
  bluesky: { limit: 300, unit: 'graphemes' },
  mastodon: { limit: 500, unit: 'characters' },
  instagram: { limit: 2200, unit: 'characters' },
  tiktok: { limit: 2200, unit: 'characters' },
  facebook: { limit: 63206, unit: 'characters' },
  // YouTube: the post text goes into the video description (5,000 bytes); the title limit is checked elsewhere.
  youtube: { limit: 5000, unit: 'bytes' },
  telegram: { limit: 4096, unit: 'characters' },
  // Not in platforms.md; Threads documents 500 characters per post, an emoji counting as its UTF-8 bytes.
  threads: { limit: 500, unit: 'characters' },
  // Mode Latihan counts like Instagram, whose captions its trainees usually practise (connectors/sandbox).
  sandbox: { limit: 2200, unit: 'characters' },
}

const URL_PATTERN = /\bhttps?:\/\/\S+/giu
const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' })

function countGraphemes(text: string): number {
  let count = 0
  for (const _ of graphemes.segment(text)) count += 1
  return count
}

/** Length of `text` in the unit its platform counts. */
export function measureForPlatform(platform: Platform, text: string): number {
  switch (platform) {
    case 'x':
      return twitterText.parseTweet(text).weightedLength
    case 'bluesky':
      return countGraphemes(text)
    case 'mastodon':
      // Mastodon counts each link as 23 characters whatever its length, and characters as code points.
      return [...text.replace(URL_PATTERN, 'x'.repeat(23))].length
    case 'youtube':
      return Buffer.byteLength(text, 'utf8')
    case 'instagram':
    case 'tiktok':
    case 'facebook':
    case 'telegram':
      return text.length
    case 'threads':
      return countText(text, 'emoji_bytes')
    case 'sandbox':
      // As its connector counts (connectors/sandbox: code points).
      return [...text].length
  }
}

export interface LimitCheck {
  length: number
  limit: number
  unit: PlatformLimit['unit']
  fits: boolean
}

export function checkPlatformLimit(platform: Platform, text: string): LimitCheck {
  const { limit, unit } = PLATFORM_LIMITS[platform]
  const length = measureForPlatform(platform, text)
  return { length, limit, unit, fits: length <= limit }
}
