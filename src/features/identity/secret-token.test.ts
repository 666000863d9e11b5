import { describe, expect, it } from 'vitest'
import {
  generateApiToken,
  generateRecoveryCode,
  hashRecoveryCode,
  isApiTokenFormat,
  safeEqual,
  sha256Hex,
  tokenHint,
} from './secret-token.ts'

describe('secret tokens', () => {
  it('make API tokens with the wrt_ prefix and 43 base64url characters', () => {
    const token = generateApiToken()
    expect(token).toMatch(/^wrt_[A-Za-z0-9_-]{43}$/)
    expect(isApiTokenFormat(token)).toBe(true)
    expect(generateApiToken()).not.toBe(token)
  })

  it('reject values that are not API tokens', () => {
    expect(isApiTokenFormat('wrt_short')).toBe(false)
    expect(isApiTokenFormat(`xyz_${'a'.repeat(43)}`)).toBe(false)
    expect(isApiTokenFormat(`wrt_${'a'.repeat(43)}!`)).toBe(false)
  })

  it('show only a hint of a token, never enough to use it', () => {
    const token = generateApiToken()
    expect(tokenHint(token)).toBe(`${token.slice(0, 10)}…`)
  })

  it('make recovery codes of four groups and hash them regardless of dashes and case', () => {
    const code = generateRecoveryCode()
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code))
    expect(hashRecoveryCode(code)).not.toBe(hashRecoveryCode(generateRecoveryCode()))
  })

  it('compare secrets without short-circuiting on length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true)
    expect(safeEqual('abc', 'abd')).toBe(false)
    expect(safeEqual('abc', 'abcd')).toBe(false)
    expect(sha256Hex('x')).toHaveLength(64)
  })
})
