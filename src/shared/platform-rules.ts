// What each posting platform accepts in a post: the text limit and how the platform counts it, how many images,
// whether video, whether alt text goes with images (the composer then requires it), whether a post needs media
// at all, and what a hashtag or a mention looks like there. Figures from ../shared/docs/platforms.md §2–3.
// The one table of these rules: the composer's counter and validation, the server's check, the connectors'
// capabilities (connectors/posting-rules.ts derives their text and media fields from it) and the language engine's
// length detector all read it (tests/unit/platform-rules-agree.test.ts keeps the connectors to it). A leaf module:
// it imports nothing outside src/shared, so the web's composer counts and validates exactly as the server does.
import type { PostingPlatform } from './platforms.ts'

/**
 * How a platform measures a text (count-text.ts): X's weighted count (most Latin text 1, CJK and emoji 2, every link
 * 23), Mastodon's (graphemes, every link 23, a remote mention without its domain), Bluesky's graphemes, TikTok's
 * UTF-16 units, YouTube's UTF-8 bytes, Threads' (code points, but each emoji as the number of its UTF-8 bytes), or
 * code points.
 */
export const TEXT_COUNTINGS = [
  'x_weighted',
  'mastodon',
  'graphemes',
  'code_points',
  'utf16_units',
  'utf8_bytes',
  'emoji_bytes',
] as const
export type TextCounting = (typeof TEXT_COUNTINGS)[number]

export interface PlatformRule {
  maxTextLength: number
  textCounting: TextCounting
  maxImages: number
  video: boolean
  /** The post must carry media: a video (YouTube, TikTok) or at least one image or video (Instagram). */
  mediaRequired: 'none' | 'any' | 'video'
  /** The platform takes alt text with images, so Warta requires it (accessibility of public information). */
  altTextRequired: boolean
  /** A mention as the platform resolves it, without the leading @ (null: mentions are not linked there). */
  mentionPattern: RegExp | null
  /** At most this many hashtags (Instagram refuses a caption with more than 30). */
  maxHashtags: number | null
  /**
   * How fast the publishing engine may publish there (features/publishing/publish-budget.ts): per account, and
   * for the whole platform (Warta's app or address, all accounts together). Each is a list of windows; a publish
   * needs room in every one. Figures from platforms.md; a platform that documents none gets none here and is
   * held back only by its 429s (a `rate_limited` answer pauses the account until the time it gives).
   */
  publishLimits: { account: readonly PublishLimit[]; platform: readonly PublishLimit[] }
}

/** At most `calls` publishes in any window of `windowSeconds` (the window opens at its first publish). */
export interface PublishLimit {
  calls: number
  windowSeconds: number
}

/**
 * Warta's own staggering on a whole platform (not a documented limit): a crowd of unit accounts posting the
 * same announcement at the same minute goes out a few per second instead of at once.
 */
const STAGGER: PublishLimit = { calls: 10, windowSeconds: 1 }

// `satisfies Record<PostingPlatform, …>`: a posting platform added to platforms.ts without its rule is a
// compile error here (the sandbox connector's platform will be one).
export const PLATFORM_RULES = {
  x: {
    maxTextLength: 280,
    textCounting: 'x_weighted',
    maxImages: 4,
    video: true,
    mediaRequired: 'none',
    altTextRequired: true,
    mentionPattern: /^[A-Za-z0-9_]{1,15}$/,
    maxHashtags: null,
    publishLimits: {
      account: [{ calls: 100, windowSeconds: 900 }],
      platform: [{ calls: 10_000, windowSeconds: 86_400 }, STAGGER],
    },
  },
  instagram: {
    maxTextLength: 2200,
    textCounting: 'code_points',
    maxImages: 10,
    video: true,
    mediaRequired: 'any',
    altTextRequired: true,
    mentionPattern: /^[A-Za-z0-9._]{1,30}$/,
    maxHashtags: 30,
    // The cap per rolling 24 h: the documentation gives 25, 50 and 100; the lowest until content_publishing_limit is read.
    publishLimits: { account: [{ calls: 25, windowSeconds: 86_400 }], platform: [STAGGER] },
  },
  facebook: {
    maxTextLength: 63206,
    textCounting: 'code_points',
    maxImages: 10,
    video: true,
    mediaRequired: 'none',
    altTextRequired: false,
    // The Graph API does not turn typed @names into tags; a mention stays plain text.
    mentionPattern: null,
    maxHashtags: null,
    // Business Use Case limits scale with the Page's engagement: nothing fixed to budget on, 429s pause.
    publishLimits: { account: [], platform: [STAGGER] },
  },
  tiktok: {
    // The caption counts UTF-16 units (Content Posting API post_info.title; platforms.md §3.5 item 8).
    maxTextLength: 2200,
    textCounting: 'utf16_units',
    // One video, or a photo post of up to 35 JPEG/WebP images (Content Posting API content/init); never text alone.
    maxImages: 35,
    video: true,
    mediaRequired: 'any',
    altTextRequired: false,
    mentionPattern: /^[A-Za-z0-9._]{2,24}$/,
    maxHashtags: null,
    publishLimits: { account: [{ calls: 6, windowSeconds: 60 }], platform: [STAGGER] },
  },
  youtube: {
    // The description's 5 000 bytes (platforms.md §3.4 item 8), counted on the whole text: the connector makes the
    // first line the title and the rest the description, or the whole text the description when that line is long.
    maxTextLength: 5000,
    textCounting: 'utf8_bytes',
    maxImages: 0,
    video: true,
    mediaRequired: 'video',
    altTextRequired: false,
    mentionPattern: /^[A-Za-z0-9._-]{3,30}$/,
    maxHashtags: 60,
    // videos.insert has its own bucket of 100 a day for the project.
    publishLimits: { account: [], platform: [{ calls: 100, windowSeconds: 86_400 }, STAGGER] },
  },
  bluesky: {
    maxTextLength: 300,
    textCounting: 'graphemes',
    maxImages: 4,
    // The lexicon takes app.bsky.embed.video, but Warta's connector does not send video yet (its video service
    // flow is not built): the composer must not offer what publishing would refuse.
    video: false,
    mediaRequired: 'none',
    altTextRequired: true,
    // A handle is a domain name: humas.bsky.social, humas.go.id.
    mentionPattern: /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*$/,
    maxHashtags: null,
    // Repo writes 5 000 points / h and 35 000 / day per account, a post costs 3; 3 000 requests / 5 min per address.
    publishLimits: {
      account: [
        { calls: 1_666, windowSeconds: 3_600 },
        { calls: 11_666, windowSeconds: 86_400 },
      ],
      platform: [{ calls: 3_000, windowSeconds: 300 }, STAGGER],
    },
  },
  mastodon: {
    // The default of an instance (configuration.statuses.max_characters may allow more); links count 23.
    maxTextLength: 500,
    textCounting: 'mastodon',
    maxImages: 4,
    video: true,
    mediaRequired: 'none',
    altTextRequired: true,
    // @user on the same server or @user@server.example.
    mentionPattern: /^[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?$/,
    maxHashtags: null,
    // 300 requests / 5 min per account on each instance (instances differ: no platform-wide figure).
    publishLimits: { account: [{ calls: 300, windowSeconds: 300 }], platform: [] },
  },
  telegram: {
    maxTextLength: 4096,
    textCounting: 'code_points',
    maxImages: 10,
    video: true,
    mediaRequired: 'none',
    altTextRequired: false,
    mentionPattern: /^[A-Za-z][A-Za-z0-9_]{4,31}$/,
    maxHashtags: null,
    // ~1 message / s per chat, 20 / min per group, ~30 / s for the bot in bulk.
    publishLimits: {
      account: [
        { calls: 1, windowSeconds: 1 },
        { calls: 20, windowSeconds: 60 },
      ],
      platform: [{ calls: 30, windowSeconds: 1 }],
    },
  },
  threads: {
    // "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes" (Threads posts
    // documentation). A carousel takes 2–20 images and videos (was 10 here, against the docs).
    maxTextLength: 500,
    textCounting: 'emoji_bytes',
    maxImages: 20,
    video: true,
    mediaRequired: 'none',
    altTextRequired: true,
    mentionPattern: /^[A-Za-z0-9._]{1,30}$/,
    maxHashtags: null,
    // 250 API-published posts per 24 h per profile (Threads API documentation; not yet in platforms.md).
    publishLimits: { account: [{ calls: 250, windowSeconds: 86_400 }], platform: [STAGGER] },
  },
  // Mode Latihan: the simulated network counts like Instagram (the platform most trainees practise for) but,
  // like a feed, takes a text without media; its connector's capabilities say the same (sandbox-connector.ts).
  sandbox: {
    maxTextLength: 2200,
    textCounting: 'code_points',
    maxImages: 4,
    video: false,
    mediaRequired: 'none',
    altTextRequired: true,
    mentionPattern: /^[A-Za-z0-9._]{1,30}$/,
    maxHashtags: 30,
    // As the sandbox's default fault settings (300 calls / 5 min per account); no platform-wide limit: the
    // simulated network lives in Warta's own database, and Mode Latihan's crowd should go out at once.
    publishLimits: { account: [{ calls: 300, windowSeconds: 300 }], platform: [] },
  },
} as const satisfies Record<PostingPlatform, PlatformRule>

export function platformRule(platform: PostingPlatform): PlatformRule {
  return PLATFORM_RULES[platform]
}
