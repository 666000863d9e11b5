import { createHash, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  checkpointFile,
  checkSignature,
  fingerprintOfPublicKeyText,
  generateSigningKeyPem,
  normaliseFingerprint,
  publicKeyPem,
  signingKeyFromPem,
  signStatement,
  type CheckpointStatement,
} from './checkpoint-file.ts'

const statement: CheckpointStatement = {
  type: 'warta-audit-checkpoint',
  version: 1,
  chain: '11111111-1111-4111-8111-111111111111',
  instansi: { id: '11111111-1111-4111-8111-111111111111', slug: 'kota-uji', name: 'Pemerintah Kota Uji' },
  seq: 42,
  headHash: 'a'.repeat(64),
  headHashVersion: 2,
  createdAt: '2026-10-12T17:30:00.000Z',
}

const key = signingKeyFromPem(generateSigningKeyPem())
const signed = () => checkpointFile(statement, signStatement(statement, key), key.publicKeyDer)

describe('checkpoint files', () => {
  it('carry a signature that verifies with the public key and fingerprint they contain', () => {
    const file = signed()
    expect(checkSignature(file)).toEqual({ valid: true, fingerprint: key.fingerprint })
    // The fingerprint is the SHA-256 of the key's DER bytes, which an auditor can recompute with standard tools.
    const der = Buffer.from(file.signature.publicKey, 'base64')
    expect(file.signature.fingerprint).toBe(createHash('sha256').update(der).digest('hex'))
  })

  it('refuse a statement changed after signing (a forged head)', () => {
    const file = signed()
    const forged = { ...file, statement: { ...file.statement, seq: 41 } }
    expect(checkSignature(forged)).toMatchObject({ valid: false, reason: expect.stringContaining('altered') })
  })

  it('refuse a signature value that is not the one made for the statement', () => {
    const file = signed()
    const other = signStatement({ ...statement, headHash: 'b'.repeat(64) }, key)
    expect(checkSignature({ ...file, signature: { ...file.signature, value: other } }).valid).toBe(false)
  })

  it("refuse a file whose fingerprint is not its key's", () => {
    const file = signed()
    const otherKey = signingKeyFromPem(generateSigningKeyPem())
    expect(
      checkSignature({ ...file, signature: { ...file.signature, fingerprint: otherKey.fingerprint } }),
    ).toMatchObject({ valid: false, reason: expect.stringContaining('fingerprint') })
  })

  it('refuse a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'der',
    })
    const file = signed()
    const withRsa = {
      ...file,
      signature: { ...file.signature, publicKey: rsa.toString('base64') },
    }
    expect(checkSignature(withRsa)).toMatchObject({
      valid: false,
      reason: expect.stringContaining('Ed25519'),
    })
  })

  it('read a pinned fingerprint however it was copied, and a pinned key as PEM or base64', () => {
    const upper = key.fingerprint.toUpperCase().match(/../g)!.join(':')
    expect(normaliseFingerprint(`SHA256:${upper}`)).toBe(key.fingerprint)
    expect(fingerprintOfPublicKeyText(publicKeyPem(key.publicKeyDer))).toBe(key.fingerprint)
    expect(fingerprintOfPublicKeyText(key.publicKeyDer.toString('base64'))).toBe(key.fingerprint)
  })
})
