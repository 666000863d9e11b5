// The platforms Warta knows, named once for the server, the language engine and the web app. A leaf module:
// it imports nothing.

export const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'bluesky',
  'mastodon',
  'telegram',
  'threads',
  'whatsapp',
  'sandbox',
] as const
export type Platform = (typeof PLATFORMS)[number]

/** Platforms that carry public posts (the compliance check and publishing); WhatsApp is a contact channel only. */
export const POSTING_PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'bluesky',
  'mastodon',
  'telegram',
  'threads',
  'sandbox',
] as const
export type PostingPlatform = (typeof POSTING_PLATFORMS)[number]

/** How each platform is named to a person (the same in every language). */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  telegram: 'Telegram',
  threads: 'Threads',
  whatsapp: 'WhatsApp',
  // Mode Latihan: the simulated network built into Warta (src/features/sandbox), for training and demos.
  sandbox: 'Sandbox (Mode Latihan)',
}

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value)
}
