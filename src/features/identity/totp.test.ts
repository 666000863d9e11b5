import { describe, expect, it } from 'vitest'
import {
  generateTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpCodeAt,
  totpUri,
  verifyTotp,
} from './totp.ts'

const at = new Date('2026-03-01T08:00:15Z')

describe('TOTP', () => {
  it('accepts the code of the current 30-second step', () => {
    const secret = generateTotpSecret()
    expect(verifyTotp(secret, totpCodeAt(secret, at), at)).toBe(true)
  })

  it('accepts the codes one step before and after (phone clock drift)', () => {
    const secret = generateTotpSecret()
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(true)
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(true)
  })

  it('rejects codes two steps away', () => {
    const secret = generateTotpSecret()
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(at.getTime() - 60_000)), at)).toBe(false)
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(at.getTime() + 60_000)), at)).toBe(false)
  })

  it('rejects malformed codes and codes of another secret', () => {
    const secret = generateTotpSecret()
    expect(verifyTotp(secret, 'abcdef', at)).toBe(false)
    expect(verifyTotp(secret, '12345', at)).toBe(false)
    expect(verifyTotp(secret, totpCodeAt(generateTotpSecret(), at), at)).toBe(false)
  })

  it('tolerates spaces that people type in the middle of a code', () => {
    const secret = generateTotpSecret()
    const code = totpCodeAt(secret, at)
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(true)
  })

  it('builds an otpauth URI with the issuer and account', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'admin@kominfo.go.id')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Warta:admin%40kominfo\.go\.id\?/)
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP')
    expect(uri).toContain('issuer=Warta')
  })

  it('seals the secret so it round-trips only with the same deployment key', () => {
    const secret = generateTotpSecret()
    const sealed = sealTotpSecret(secret, 'k'.repeat(40))
    expect(sealed).not.toContain(secret)
    expect(openTotpSecret(sealed, 'k'.repeat(40))).toBe(secret)
    expect(() => openTotpSecret(sealed, 'x'.repeat(40))).toThrow()
  })
})
