// Official account handles per platform: what each platform allows, and one normalised form so the same account
// cannot be registered twice (no leading @, lower case; WhatsApp numbers in E.164). The handle as it was typed
// (its casing) is kept beside it for display. The naming patterns check against the same rules (HANDLE_RULES).
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { Problem } from '../../shared/errors.ts'
import type { Platform } from '../../shared/platforms.ts'
import { problem } from '../app-error.ts'

export { isPlatform, PLATFORM_LABELS, PLATFORMS, type Platform } from '../../shared/platforms.ts'

export type HandleCheck = { ok: true; handle: string; display: string } | { ok: false; problem: Problem }

export interface HandleRule {
  /** The longest handle the platform accepts (a Mastodon handle: the name before @server). */
  maxLength: number
  /** One character the platform accepts in a handle, after lower-casing. */
  character: RegExp
  /** The accepted characters, as shown to a person. */
  characters: string
  /** The whole rule: length, characters and where they may stand. */
  test(handle: string): boolean
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/

const instagramLike = (h: string) =>
  /^[a-z0-9._]{1,30}$/.test(h) && !h.startsWith('.') && !h.endsWith('.') && !h.includes('..')

export const HANDLE_RULES: Readonly<Record<Platform, HandleRule>> = {
  x: {
    maxLength: 15,
    character: /[a-z0-9_]/,
    characters: 'a–z 0–9 _',
    test: (h) => /^[a-z0-9_]{1,15}$/.test(h),
  },
  instagram: { maxLength: 30, character: /[a-z0-9._]/, characters: 'a–z 0–9 . _', test: instagramLike },
  threads: { maxLength: 30, character: /[a-z0-9._]/, characters: 'a–z 0–9 . _', test: instagramLike },
  facebook: {
    maxLength: 50,
    character: /[a-z0-9.]/,
    characters: 'a–z 0–9 .',
    test: (h) => /^[a-z0-9.]{5,50}$/.test(h) && !h.startsWith('.') && !h.endsWith('.'),
  },
  tiktok: {
    maxLength: 24,
    character: /[a-z0-9._]/,
    characters: 'a–z 0–9 . _',
    test: (h) => /^[a-z0-9._]{2,24}$/.test(h) && !h.endsWith('.'),
  },
  youtube: {
    maxLength: 30,
    character: /[a-z0-9._-]/,
    characters: 'a–z 0–9 . _ -',
    test: (h) => /^[a-z0-9._-]{3,30}$/.test(h),
  },
  bluesky: {
    maxLength: 253,
    character: /[a-z0-9.-]/,
    characters: 'a–z 0–9 . -',
    test: (h) => DOMAIN.test(h),
  },
  mastodon: {
    maxLength: 30,
    character: /[a-z0-9_@.-]/,
    characters: 'a–z 0–9 _ (nama) @ . - (server)',
    test: (h) => {
      const [user, server, ...rest] = h.split('@')
      return (
        rest.length === 0 &&
        user !== undefined &&
        /^[a-z0-9_]{1,30}$/.test(user) &&
        server !== undefined &&
        DOMAIN.test(server)
      )
    },
  },
  telegram: {
    maxLength: 32,
    character: /[a-z0-9_]/,
    characters: 'a–z 0–9 _',
    test: (h) => /^[a-z][a-z0-9_]{4,31}$/.test(h) && !h.endsWith('_') && !h.includes('__'),
  },
  // Mode Latihan: Instagram-like handles, so trainees practise with names like the real ones.
  sandbox: { maxLength: 30, character: /[a-z0-9._]/, characters: 'a–z 0–9 . _', test: instagramLike },
  whatsapp: {
    maxLength: 16,
    character: /[0-9+]/,
    characters: '+ 0–9',
    test: (h) => /^\+[1-9]\d{7,14}$/.test(h),
  },
}

/** The length a platform's length rule applies to (a Mastodon handle's name part). */
export function ruledLength(platform: Platform, handle: string): number {
  return platform === 'mastodon' ? (handle.split('@')[0] ?? '').length : handle.length
}

/**
 * Checks a handle (already taken out of an address, see platform-address.ts) and returns its normalised form
 * and the form to show: as typed, without a leading @.
 */
export function normaliseHandle(platform: Platform, raw: string): HandleCheck {
  const trimmed = raw.trim()
  if (trimmed === '') return { ok: false, problem: problem('accounts.handle_required') }
  if (platform === 'whatsapp') {
    const phone = parsePhoneNumberFromString(trimmed, 'ID')
    if (!phone?.isValid())
      return { ok: false, problem: problem('accounts.handle_invalid.whatsapp', { handle: trimmed }) }
    return { ok: true, handle: phone.number, display: phone.number }
  }
  const display = trimmed.replace(/^@/, '')
  const handle = display.toLowerCase()
  if (!HANDLE_RULES[platform].test(handle))
    return { ok: false, problem: problem(`accounts.handle_invalid.${platform}`, { handle: trimmed }) }
  return { ok: true, handle, display }
}

/** The public address of an account, used when the admin leaves the URL empty. */
export function defaultAccountUrl(platform: Platform, handle: string): string {
  switch (platform) {
    case 'x':
      return `https://x.com/${handle}`
    case 'instagram':
      return `https://www.instagram.com/${handle}/`
    case 'facebook':
      return `https://www.facebook.com/${handle}`
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}`
    case 'youtube':
      return `https://www.youtube.com/@${handle}`
    case 'bluesky':
      return `https://bsky.app/profile/${handle}`
    case 'mastodon': {
      const [user, server] = handle.split('@')
      return `https://${server}/@${user}`
    }
    case 'telegram':
      return `https://t.me/${handle}`
    case 'threads':
      return `https://www.threads.net/@${handle}`
    case 'whatsapp':
      return `https://wa.me/${handle.replace(/^\+/, '')}`
    case 'sandbox':
      // A reserved .invalid host (RFC 2606): a simulated account has no public page anywhere.
      return `https://sandbox.warta.invalid/@${handle}`
  }
}
