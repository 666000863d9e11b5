// Account addresses as people paste them: `instagram.com/humas`, `https://www.instagram.com/humas/`,
// `x.com/humas?lang=id`, `https://mastodon.social/@humas`, `wa.me/6281234567890`. Reads the handle out of an
// address of each platform, tells which platform an address belongs to, and adds the https:// a person left out.
import type { Problem } from '../../shared/errors.ts'
import { PLATFORM_LABELS, type Platform } from '../../shared/platforms.ts'
import { problem } from '../app-error.ts'

/** The hosts of each platform (and their subdomains: www., m., mobile., web.). Mastodon runs on any server. */
const HOSTS: Readonly<Record<Platform, readonly string[]>> = {
  x: ['x.com', 'twitter.com'],
  instagram: ['instagram.com', 'instagr.am'],
  threads: ['threads.net', 'threads.com'],
  facebook: ['facebook.com', 'fb.com', 'fb.me'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com'],
  bluesky: ['bsky.app'],
  mastodon: [],
  telegram: ['t.me', 'telegram.me'],
  whatsapp: ['wa.me', 'whatsapp.com'],
  // The simulated network lives inside Warta; its addresses use a reserved .invalid host (RFC 2606).
  sandbox: ['sandbox.warta.invalid'],
}

/** First path segments that name a page of the platform, not an account. */
const NOT_ACCOUNTS: Readonly<Partial<Record<Platform, ReadonlySet<string>>>> = {
  x: new Set(['home', 'i', 'intent', 'search', 'explore', 'hashtag', 'share', 'settings']),
  instagram: new Set(['p', 'reel', 'reels', 'explore', 'stories', 'accounts', 'tv', 'direct']),
  threads: new Set(['t', 'post', 'search']),
  facebook: new Set(['pages', 'groups', 'events', 'watch', 'share', 'photo', 'story.php', 'permalink.php']),
  telegram: new Set(['joinchat', 'addstickers', 'share']),
}

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`)
}

/** The platform whose host this is, if any. */
export function platformOfHost(host: string): Platform | undefined {
  const lower = host.toLowerCase()
  return (Object.keys(HOSTS) as Platform[]).find((platform) =>
    HOSTS[platform].some((domain) => hostMatches(lower, domain)),
  )
}

/** Whether a handle field holds an address rather than a handle: a scheme, or a host followed by a path. */
export function looksLikeAddress(text: string): boolean {
  return /^https?:\/\//i.test(text) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i.test(text)
}

/** Parses an address, adding https:// when no scheme was typed; undefined when it is not a web address. */
export function parseAddress(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  try {
    const url = new URL(withScheme)
    if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) return undefined
    return url
  } catch {
    return undefined
  }
}

function segmentsOf(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
}

/** The handle (as written in the address, casing kept) of an account address on `platform`, if it names one. */
export function handleFromAddress(platform: Platform, url: URL): string | undefined {
  const [first, second] = segmentsOf(url)
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const notAccount = (segment: string | undefined) =>
    segment === undefined || (NOT_ACCOUNTS[platform]?.has(segment.toLowerCase()) ?? false)
  switch (platform) {
    case 'x':
    case 'instagram':
    case 'threads':
      return notAccount(first) ? undefined : first!.replace(/^@/, '')
    case 'facebook':
      if (first?.toLowerCase() === 'profile.php') return url.searchParams.get('id') ?? undefined
      return notAccount(first) ? undefined : first
    case 'tiktok':
      return first?.startsWith('@') ? first.slice(1) : undefined
    case 'youtube':
      if (first?.startsWith('@')) return first.slice(1)
      return first === 'c' || first === 'user' ? second : undefined
    case 'bluesky':
      return first === 'profile' ? second?.replace(/^@/, '') : undefined
    case 'mastodon':
      return first?.startsWith('@') && first.length > 1 ? `${first.slice(1)}@${host}` : undefined
    case 'telegram':
      if (first === 's') return second
      return notAccount(first) || first!.startsWith('+') ? undefined : first
    case 'sandbox':
      return first?.startsWith('@') && first.length > 1 ? first.slice(1) : undefined
    case 'whatsapp': {
      const number = host === 'wa.me' ? first : (url.searchParams.get('phone') ?? undefined)
      return number && /^\+?\d{8,15}$/.test(number) ? `+${number.replace(/^\+/, '')}` : undefined
    }
  }
}

export type AddressReading =
  { ok: true; url: URL; handle: string | undefined } | { ok: false; problem: Problem }

/**
 * Reads an address typed for an account on `platform`: the parsed URL and the handle it names (undefined for an
 * address on another host, such as an agency's own domain). An address of another known platform is a problem.
 */
export function readAccountAddress(platform: Platform, text: string): AddressReading {
  const url = parseAddress(text)
  if (!url) return { ok: false, problem: problem('accounts.url_invalid') }
  const owner = platformOfHost(url.hostname)
  if (owner && owner !== platform)
    return {
      ok: false,
      problem: problem('accounts.address_other_platform', {
        other: PLATFORM_LABELS[owner],
        platform: PLATFORM_LABELS[platform],
      }),
    }
  const handle = owner === platform || platform === 'mastodon' ? handleFromAddress(platform, url) : undefined
  return { ok: true, url, handle }
}

/**
 * The URL field: an address with https:// added when no scheme was typed. `http://` is refused (every platform
 * serves https; a plain-http link to an official account would be a downgrade).
 */
export function normaliseAccountUrl(
  text: string,
): { ok: true; url: string } | { ok: false; problem: Problem } {
  if (/^http:\/\//i.test(text)) return { ok: false, problem: problem('accounts.url_not_https') }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https:\/\//i.test(text))
    return { ok: false, problem: problem('accounts.url_not_https') }
  if (!parseAddress(text)) return { ok: false, problem: problem('accounts.url_invalid') }
  return { ok: true, url: /^https:\/\//i.test(text) ? text : `https://${text}` }
}
