// PKCE challenges in each encoding a provider may declare, on RFC 7636's own example (appendix B).
import { describe, expect, it } from 'vitest'
import { codeChallengeOf } from './oauth.ts'

/** RFC 7636 appendix B: the verifier and its S256 challenge. */
const RFC7636_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const RFC7636_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
/** The same SHA-256 digest written in hex (TikTok's Login Kit for Desktop): the bytes of the challenge above. */
const RFC7636_DIGEST_HEX = '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3'

describe('codeChallengeOf', () => {
  it("gives RFC 7636's base64url challenge for S256, without padding", () => {
    expect(codeChallengeOf('S256', RFC7636_VERIFIER)).toBe(RFC7636_CHALLENGE)
  })

  it('gives the lower-case hex SHA-256 for S256-hex, the same digest as the base64url one', () => {
    const hex = codeChallengeOf('S256-hex', RFC7636_VERIFIER)
    expect(hex).toBe(RFC7636_DIGEST_HEX)
    expect(Buffer.from(RFC7636_CHALLENGE, 'base64url').toString('hex')).toBe(hex)
  })

  it('gives none for a provider without PKCE', () => {
    expect(codeChallengeOf(false, RFC7636_VERIFIER)).toBeNull()
  })
})
