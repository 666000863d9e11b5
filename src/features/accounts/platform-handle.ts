// Official account handles per platform: what each platform allows, normalised to one stored form so the same
// account cannot be registered twice (no leading @, lower case; WhatsApp numbers in E.164).
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { PLATFORM_LABELS, type Platform } from '../../shared/platforms.ts'

export { isPlatform, PLATFORM_LABELS, PLATFORMS, type Platform } from '../../shared/platforms.ts'

export type HandleCheck = { ok: true; handle: string } | { ok: false; message: string }

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/

interface Rule {
  test(handle: string): boolean
  /** What the platform allows, told to the person fixing the handle. */
  hint: string
}

const RULES: Record<Exclude<Platform, 'whatsapp'>, Rule> = {
  x: { test: (h) => /^[a-z0-9_]{1,15}$/.test(h), hint: '1–15 karakter: huruf, angka, garis bawah' },
  instagram: {
    test: (h) => /^[a-z0-9._]{1,30}$/.test(h) && !h.startsWith('.') && !h.endsWith('.') && !h.includes('..'),
    hint: '1–30 karakter: huruf, angka, titik, garis bawah; tidak diawali/diakhiri titik, tanpa dua titik berurutan',
  },
  threads: {
    test: (h) => /^[a-z0-9._]{1,30}$/.test(h) && !h.startsWith('.') && !h.endsWith('.') && !h.includes('..'),
    hint: 'sama dengan Instagram: 1–30 karakter huruf, angka, titik, garis bawah',
  },
  facebook: {
    test: (h) => /^[a-z0-9.]{5,50}$/.test(h) && !h.startsWith('.') && !h.endsWith('.'),
    hint: '5–50 karakter: huruf, angka, titik',
  },
  tiktok: {
    test: (h) => /^[a-z0-9._]{2,24}$/.test(h) && !h.endsWith('.'),
    hint: '2–24 karakter: huruf, angka, titik, garis bawah; tidak diakhiri titik',
  },
  youtube: {
    test: (h) => /^[a-z0-9._-]{3,30}$/.test(h),
    hint: '3–30 karakter: huruf, angka, titik, garis bawah, tanda hubung',
  },
  bluesky: {
    test: (h) => DOMAIN.test(h),
    hint: 'nama domain, misalnya humas.bsky.social atau humas.kotabandung.go.id',
  },
  mastodon: {
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
    hint: 'nama@server, misalnya humas@mastodon.social',
  },
  telegram: {
    test: (h) => /^[a-z][a-z0-9_]{4,31}$/.test(h) && !h.endsWith('_') && !h.includes('__'),
    hint: '5–32 karakter: huruf, angka, garis bawah; diawali huruf',
  },
}

export function normaliseHandle(platform: Platform, raw: string): HandleCheck {
  const trimmed = raw.trim()
  if (trimmed === '') return { ok: false, message: 'Nama akun (handle) wajib diisi.' }
  if (platform === 'whatsapp') {
    const phone = parsePhoneNumberFromString(trimmed, 'ID')
    if (!phone?.isValid())
      return {
        ok: false,
        message: `Nomor WhatsApp "${trimmed}" tidak valid; tulis misalnya +62 812 3456 7890 atau 0812 3456 7890.`,
      }
    return { ok: true, handle: phone.number }
  }
  const handle = trimmed.replace(/^@/, '').toLowerCase()
  const rule = RULES[platform]
  if (!rule.test(handle))
    return {
      ok: false,
      message: `Nama akun ${PLATFORM_LABELS[platform]} "${trimmed}" tidak valid: ${rule.hint}.`,
    }
  return { ok: true, handle }
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
  }
}
