// Random bearer secrets (session cookies, API tokens, recovery codes) and their storage form. Only the SHA-256
// of a secret is stored: the secrets carry at least 80 random bits, so a slow hash would add nothing but latency.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const API_TOKEN_PREFIX = 'wrt_'
const API_TOKEN_PATTERN = /^wrt_[A-Za-z0-9_-]{43}$/
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** A personal API token: 'wrt_' and 32 random bytes in base64url (43 characters). */
export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomToken(32)}`
}

export function isApiTokenFormat(value: string): boolean {
  return API_TOKEN_PATTERN.test(value)
}

/** What the token list shows so the owner can tell tokens apart without the secret. */
export function tokenHint(token: string): string {
  return `${token.slice(0, API_TOKEN_PREFIX.length + 6)}…`
}

/** One recovery code: 16 characters from an unambiguous alphabet (≈ 79 bits), shown as xxxx-xxxx-xxxx-xxxx. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(16)
  let code = ''
  for (const byte of bytes) code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]
  return code.match(/.{4}/g)!.join('-')
}

/** Users type recovery codes with or without dashes, in any case. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, '')
}

export function hashRecoveryCode(code: string): string {
  return sha256Hex(`recovery:${normaliseRecoveryCode(code)}`)
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
