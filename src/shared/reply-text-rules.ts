// How long a reply to a citizen may be on each platform, and how the platform counts it. A reply is a post on most
// platforms (an X reply is a tweet, a Bluesky reply a post), so it follows the platform's posting rule
// (platform-rules.ts); the exceptions are where a comment has its own limit: a YouTube comment (10,000 characters;
// the 5,000 bytes are the video description's) and a WhatsApp message (4,096 characters). A leaf module.
import { PLATFORM_RULES, type TextCounting } from './platform-rules.ts'
import type { Platform } from './platforms.ts'

export interface ReplyTextRule {
  maxTextLength: number
  textCounting: TextCounting
}

const YOUTUBE_COMMENT: ReplyTextRule = { maxTextLength: 10_000, textCounting: 'code_points' }
const WHATSAPP_MESSAGE: ReplyTextRule = { maxTextLength: 4096, textCounting: 'code_points' }

export function replyTextRule(platform: Platform): ReplyTextRule {
  if (platform === 'whatsapp') return WHATSAPP_MESSAGE
  if (platform === 'youtube') return YOUTUBE_COMMENT
  const rule = PLATFORM_RULES[platform]
  return { maxTextLength: rule.maxTextLength, textCounting: rule.textCounting }
}
