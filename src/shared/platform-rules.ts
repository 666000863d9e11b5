// What each posting platform accepts in a post: the text limit and how the platform counts it, how many images,
// whether video, whether alt text goes with images (the composer then requires it), whether a post needs media
// at all, and what a hashtag or a mention looks like there. Figures from ../shared/docs/platforms.md §2–3; the
// connectors' ConnectorCapabilities say the same for what they send. A leaf module: it imports nothing outside
// src/shared, so the web's composer counts and validates exactly as the server does.
import type { PostingPlatform } from './platforms.ts'

/** X's weighted count (most Latin text 1, CJK and emoji 2, every link 23), Bluesky's graphemes, or code points. */
export type TextCounting = 'x_weighted' | 'graphemes' | 'code_points'

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
}

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
  },
  tiktok: {
    maxTextLength: 2200,
    textCounting: 'code_points',
    maxImages: 0,
    video: true,
    mediaRequired: 'video',
    altTextRequired: false,
    mentionPattern: /^[A-Za-z0-9._]{2,24}$/,
    maxHashtags: null,
  },
  youtube: {
    maxTextLength: 5000,
    textCounting: 'code_points',
    maxImages: 0,
    video: true,
    mediaRequired: 'video',
    altTextRequired: false,
    mentionPattern: /^[A-Za-z0-9._-]{3,30}$/,
    maxHashtags: 60,
  },
  bluesky: {
    maxTextLength: 300,
    textCounting: 'graphemes',
    maxImages: 4,
    video: true,
    mediaRequired: 'none',
    altTextRequired: true,
    // A handle is a domain name: humas.bsky.social, humas.go.id.
    mentionPattern: /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*$/,
    maxHashtags: null,
  },
  mastodon: {
    maxTextLength: 500,
    textCounting: 'code_points',
    maxImages: 4,
    video: true,
    mediaRequired: 'none',
    altTextRequired: true,
    // @user on the same server or @user@server.example.
    mentionPattern: /^[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?$/,
    maxHashtags: null,
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
  },
  threads: {
    maxTextLength: 500,
    textCounting: 'code_points',
    maxImages: 10,
    video: true,
    mediaRequired: 'none',
    altTextRequired: true,
    mentionPattern: /^[A-Za-z0-9._]{1,30}$/,
    maxHashtags: null,
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
  },
} as const satisfies Record<PostingPlatform, PlatformRule>

export function platformRule(platform: PostingPlatform): PlatformRule {
  return PLATFORM_RULES[platform]
}
