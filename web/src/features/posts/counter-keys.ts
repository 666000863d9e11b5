// How the character counter under a text says what it counts: most platforms count characters; Mastodon counts
// every link as 23, YouTube bytes, Threads an emoji's bytes. Shared by the composer and the inbox's reply box.
import type { TextCounting } from '../../../../src/shared/platform-rules.ts'
import type { MessageKey } from '../../i18n/i18n.tsx'

export const COUNTER_KEYS = {
  x_weighted: 'posts.counter',
  graphemes: 'posts.counter',
  code_points: 'posts.counter',
  utf16_units: 'posts.counter',
  mastodon: 'posts.counterMastodon',
  utf8_bytes: 'posts.counterBytes',
  emoji_bytes: 'posts.counterThreads',
} as const satisfies Record<TextCounting, MessageKey>
