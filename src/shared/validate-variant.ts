// Checks one variant (the text and media for one target account) against its platform's rules: length as the
// platform counts it, how many images, video allowed, alt text for images, media the platform needs, and the
// syntax of hashtags and mentions. Pure: the composer runs it as the author types, the server at every save and
// at submission. Problems carry a catalogue key and, for the text, the span to highlight (UTF-16 offsets).
import { countText } from './count-text.ts'
import type { MessageKey } from './messages/catalogue.ts'
import type { MessageParams } from './messages/format-message.ts'
import { PLATFORM_RULES } from './platform-rules.ts'
import { PLATFORM_LABELS, type PostingPlatform } from './platforms.ts'

export interface VariantMedia {
  kind: 'image' | 'video'
  altText: string
}

export interface VariantInput {
  platform: PostingPlatform
  text: string
  media: readonly VariantMedia[]
}

export interface VariantProblem {
  /** `text`, `media`, or `media.<index>.altText`. */
  field: string
  key: MessageKey
  params?: MessageParams
  /** The offending span of the text, when there is one. */
  start?: number
  end?: number
}

export interface VariantVerdict {
  /** The text's length as the platform counts it, and the limit. */
  length: number
  limit: number
  problems: VariantProblem[]
}

// A hashtag or mention starts at the text's start or after a space or opening bracket; trailing sentence
// punctuation is not part of it.
const TAG_PATTERN = /(^|[\s(])([#@])([^\s#@]*)/gu
const TRAILING = /[.,:;!?)'"”’]+$/u
const HASHTAG_BODY = /^[\p{L}\p{M}\p{N}_]+$/u

export function validateVariant(variant: VariantInput): VariantVerdict {
  const rule = PLATFORM_RULES[variant.platform]
  const platform = PLATFORM_LABELS[variant.platform]
  const problems: VariantProblem[] = []
  const text = variant.text
  const length = countText(text, rule.textCounting)

  if (text.trim().length === 0 && variant.media.length === 0) {
    problems.push({ field: 'text', key: 'posts.text_required' })
  }
  if (length > rule.maxTextLength) {
    problems.push({
      field: 'text',
      key: `posts.too_long_${rule.textCounting}`,
      params: { platform, length, limit: rule.maxTextLength },
      start: 0,
      end: text.length,
    })
  }

  let hashtags = 0
  for (const match of text.matchAll(TAG_PATTERN)) {
    const sign = match[2]!
    const body = match[3]!.replace(TRAILING, '')
    const start = match.index + match[1]!.length
    const end = start + 1 + body.length
    if (sign === '#') {
      hashtags += 1
      if (!HASHTAG_BODY.test(body) || /^\d+$/u.test(body)) {
        problems.push({
          field: 'text',
          key: 'posts.hashtag_invalid',
          params: { tag: `#${body}` },
          start,
          end,
        })
      }
    } else if (rule.mentionPattern && !rule.mentionPattern.test(body)) {
      // An e-mail address or "@ 10.00" is not a mention; only a word glued to @ is checked.
      if (body.length > 0 && /^[\p{L}\p{N}_.]/u.test(body)) {
        problems.push({
          field: 'text',
          key: 'posts.mention_invalid',
          params: { mention: `@${body}`, platform },
          start,
          end,
        })
      }
    }
  }
  if (rule.maxHashtags !== null && hashtags > rule.maxHashtags) {
    problems.push({
      field: 'text',
      key: 'posts.too_many_hashtags',
      params: { platform, count: hashtags, limit: rule.maxHashtags },
    })
  }

  const images = variant.media.filter((item) => item.kind === 'image')
  const videos = variant.media.filter((item) => item.kind === 'video')
  if (images.length > rule.maxImages) {
    problems.push({
      field: 'media',
      key: rule.maxImages === 0 ? 'posts.images_not_allowed' : 'posts.too_many_images',
      params: { platform, count: images.length, limit: rule.maxImages },
    })
  }
  if (videos.length > 0 && !rule.video) {
    problems.push({ field: 'media', key: 'posts.video_not_allowed', params: { platform } })
  }
  if (videos.length > 1 || (videos.length === 1 && images.length > 0)) {
    problems.push({ field: 'media', key: 'posts.one_video_alone', params: { platform } })
  }
  if (rule.mediaRequired === 'video' && videos.length === 0) {
    problems.push({ field: 'media', key: 'posts.video_required', params: { platform } })
  }
  if (rule.mediaRequired === 'any' && variant.media.length === 0) {
    problems.push({ field: 'media', key: 'posts.media_required', params: { platform } })
  }
  if (rule.altTextRequired) {
    variant.media.forEach((item, index) => {
      if (item.kind === 'image' && item.altText.trim().length === 0) {
        problems.push({
          field: `media.${index}.altText`,
          key: 'posts.alt_text_required',
          params: { platform },
        })
      }
    })
  }
  return { length, limit: rule.maxTextLength, problems }
}
