import { describe, expect, it } from 'vitest'
import {
  CredentialsUnreadableError,
  currentKeyId,
  keyIdOf,
  openCredentials,
  sealCredentials,
} from './credential-cipher.ts'

const secretA = 'a'.repeat(40)
const secretB = 'b'.repeat(40)
const accountId = '7d1f6a0e-2b3c-4d5e-8f90-123456789abc'
const credentials = { handle: 'humas.kota', appPassword: 'abcd-efgh-ijkl-mnop' }

describe('credentials at rest', () => {
  it('opens what it sealed, and the ciphertext shows neither the credentials nor the secret', () => {
    const keyring = { current: secretA, previous: [] }
    const sealed = sealCredentials(keyring, accountId, credentials)
    expect(sealed.ciphertext).not.toContain('abcd')
    expect(sealed.ciphertext).not.toContain('aaaa')
    expect(sealed.keyId).toBe(currentKeyId(keyring))
    expect(keyIdOf(sealed.ciphertext)).toBe(sealed.keyId)
    expect(openCredentials(keyring, accountId, sealed.ciphertext)).toEqual(credentials)
  })

  it('seals the same credentials differently each time (a fresh nonce)', () => {
    const keyring = { current: secretA, previous: [] }
    expect(sealCredentials(keyring, accountId, credentials).ciphertext).not.toBe(
      sealCredentials(keyring, accountId, credentials).ciphertext,
    )
  })

  it('refuses a ciphertext with one byte changed', () => {
    const keyring = { current: secretA, previous: [] }
    const parts = sealCredentials(keyring, accountId, credentials).ciphertext.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    parts[3] = body.toString('base64url')
    expect(() => openCredentials(keyring, accountId, parts.join('.'))).toThrow(CredentialsUnreadableError)
  })

  it("refuses a ciphertext moved onto another account's row", () => {
    const keyring = { current: secretA, previous: [] }
    const sealed = sealCredentials(keyring, accountId, credentials)
    expect(() => openCredentials(keyring, '00000000-0000-4000-8000-000000000000', sealed.ciphertext)).toThrow(
      CredentialsUnreadableError,
    )
  })

  it('opens with the previous secret after rotation, and re-sealing moves it to the new key', () => {
    const before = sealCredentials({ current: secretA, previous: [] }, accountId, credentials)
    const rotated = { current: secretB, previous: [secretA] }
    expect(openCredentials(rotated, accountId, before.ciphertext)).toEqual(credentials)
    const after = sealCredentials(rotated, accountId, openCredentials(rotated, accountId, before.ciphertext))
    expect(after.keyId).not.toBe(before.keyId)
    expect(openCredentials({ current: secretB, previous: [] }, accountId, after.ciphertext)).toEqual(
      credentials,
    )
    expect(() => openCredentials({ current: secretB, previous: [] }, accountId, before.ciphertext)).toThrow(
      /unknown key/,
    )
  })
})
