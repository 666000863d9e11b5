// Signed checkpoints of an audit chain, modelled on certificate transparency's signed tree heads: a statement
// "this chain had `seq` entries and its last hash was `headHash` at `createdAt`", signed with the deployment's
// Ed25519 key. The file an auditor downloads is self-contained: statement, signature, public key and the key's
// fingerprint (SHA-256 of the public key's DER bytes, which `base64 -d | sha256sum` reproduces). Pure: no I/O.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from './audit-hash.ts'

export const CHECKPOINT_FORMAT = 'warta-audit-checkpoint'
export const CHECKPOINT_VERSION = 1
// Signed bytes start with this, so a checkpoint signature can never be replayed as a signature of anything else.
const DOMAIN = `${CHECKPOINT_FORMAT}/${CHECKPOINT_VERSION}\n`

export const checkpointStatementSchema = z.object({
  type: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  chain: z.string().min(1),
  instansi: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** The head's position: the number of entries in the chain. */
  seq: z.number().int().min(1),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  headHashVersion: z.number().int(),
  /** ISO 8601 UTC. */
  createdAt: z.string(),
})
export type CheckpointStatement = z.infer<typeof checkpointStatementSchema>

export const checkpointFileSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  statement: checkpointStatementSchema,
  signature: z.object({
    algorithm: z.literal('Ed25519'),
    /** base64 */
    value: z.string(),
    /** SPKI DER, base64 */
    publicKey: z.string(),
    /** SHA-256 of the DER bytes, lower-case hex */
    fingerprint: z.string(),
  }),
  note: z.string().optional(),
})
export type CheckpointFile = z.infer<typeof checkpointFileSchema>

export interface SigningKey {
  privateKey: KeyObject
  publicKeyDer: Buffer
  fingerprint: string
}

/** A new Ed25519 private key as PKCS#8 PEM, the form it is stored in. */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem)
  const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' })
  return { privateKey, publicKeyDer, fingerprint: fingerprintOf(publicKeyDer) }
}

export function fingerprintOf(publicKeyDer: Buffer): string {
  return createHash('sha256').update(publicKeyDer).digest('hex')
}

/** The public key as PEM, for operators who hand it to the inspectorate. */
export function publicKeyPem(publicKeyDer: Buffer): string {
  return createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString()
}

/** The canonical text of a statement: what is stored, and (after the domain line) what is signed. */
export function statementText(statement: CheckpointStatement): string {
  return canonicalJson(statement)
}

export function signStatement(statement: CheckpointStatement, key: SigningKey): string {
  return sign(null, Buffer.from(DOMAIN + statementText(statement)), key.privateKey).toString('base64')
}

export function checkpointFile(
  statement: CheckpointStatement,
  signature: string,
  publicKeyDer: Buffer,
): CheckpointFile {
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    statement,
    signature: {
      algorithm: 'Ed25519',
      value: signature,
      publicKey: publicKeyDer.toString('base64'),
      fingerprint: fingerprintOf(publicKeyDer),
    },
    note:
      'Keep this file away from the Warta server. Check it with: warta audit verify --checkpoint FILE ' +
      '--fingerprint <the fingerprint you were given>. Simpan berkas ini di luar server Warta.',
  }
}

/** Normalises a fingerprint as people copy it: 'SHA256:' prefix, colons, spaces and case are ignored. */
export function normaliseFingerprint(value: string): string {
  return value
    .trim()
    .replace(/^sha-?256:/i, '')
    .replace(/[\s:]/g, '')
    .toLowerCase()
}

export type SignatureCheck =
  { valid: true; fingerprint: string } | { valid: false; fingerprint: string | null; reason: string }

/** Checks the file's signature with the public key it carries, and that the key matches its fingerprint. */
export function checkSignature(file: CheckpointFile): SignatureCheck {
  let publicKey: KeyObject
  let der: Buffer
  try {
    der = Buffer.from(file.signature.publicKey, 'base64')
    publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' })
  } catch {
    return { valid: false, fingerprint: null, reason: 'the public key in the file cannot be read' }
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    return { valid: false, fingerprint: null, reason: 'the public key in the file is not an Ed25519 key' }
  const fingerprint = fingerprintOf(der)
  if (normaliseFingerprint(file.signature.fingerprint) !== fingerprint)
    return {
      valid: false,
      fingerprint,
      reason: 'the fingerprint in the file does not belong to its public key',
    }
  const ok = verify(
    null,
    Buffer.from(DOMAIN + statementText(file.statement)),
    publicKey,
    Buffer.from(file.signature.value, 'base64'),
  )
  return ok
    ? { valid: true, fingerprint }
    : {
        valid: false,
        fingerprint,
        reason: 'the signature does not match the statement (the file was altered or forged)',
      }
}

/** Reads the fingerprint pinned by --fingerprint or the PEM/DER text of --public-key. */
export function fingerprintOfPublicKeyText(text: string): string {
  const key = text.includes('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' })
  return fingerprintOf(key.export({ type: 'spki', format: 'der' }))
}
