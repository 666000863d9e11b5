// Platform credentials at rest: AES-256-GCM under a key derived with HKDF-SHA256 from the deployment secret
// (context.secret). Each ciphertext names its key (a key id derived from the secret, revealing nothing about it)
// so that after the secret changes, the previous secret still opens what it sealed and `warta keys rotate`
// re-seals everything under the current key. The account id is bound in as associated data: a ciphertext copied
// onto another account's row does not open.
//
// Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'
const SALT = 'warta credentials'

export interface CredentialKeyring {
  /** The deployment secret now: everything is sealed under its key. */
  current: string
  /** Secrets used before (WARTA_PREVIOUS_SECRET, the generated one a configured secret replaced): open only. */
  previous: readonly string[]
}

interface DerivedKey {
  id: string
  key: Buffer
}

function derive(secret: string): DerivedKey {
  const key = Buffer.from(hkdfSync('sha256', secret, SALT, 'aes-256-gcm key v1', 32))
  const id = Buffer.from(hkdfSync('sha256', secret, SALT, 'key id v1', 6)).toString('hex')
  return { id, key }
}

const cache = new Map<string, DerivedKey>()
function keyOf(secret: string): DerivedKey {
  let derived = cache.get(secret)
  if (!derived) {
    derived = derive(secret)
    cache.set(secret, derived)
  }
  return derived
}

export function currentKeyId(keyring: CredentialKeyring): string {
  return keyOf(keyring.current).id
}

export class CredentialsUnreadableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CredentialsUnreadableError'
  }
}

function associatedData(keyId: string, accountId: string): Buffer {
  return Buffer.from(`warta-credentials:${VERSION}:${keyId}:${accountId}`)
}

export interface SealedCredentials {
  ciphertext: string
  keyId: string
}

export function sealCredentials(
  keyring: CredentialKeyring,
  accountId: string,
  credentials: Readonly<Record<string, string>>,
): SealedCredentials {
  const { id, key } = keyOf(keyring.current)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(associatedData(id, accountId))
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()])
  const parts = [VERSION, id, iv.toString('base64url'), body.toString('base64url')]
  parts.push(cipher.getAuthTag().toString('base64url'))
  return { ciphertext: parts.join('.'), keyId: id }
}

/** The key id a ciphertext names, or undefined when it is not one of ours. */
export function keyIdOf(ciphertext: string): string | undefined {
  const parts = ciphertext.split('.')
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined
}

export function openCredentials(
  keyring: CredentialKeyring,
  accountId: string,
  ciphertext: string,
): Record<string, string> {
  const [version, keyId, iv, body, tag, ...rest] = ciphertext.split('.')
  if (version !== VERSION || !keyId || !iv || body === undefined || !tag || rest.length > 0)
    throw new CredentialsUnreadableError('not a sealed credentials value')
  const key = [keyring.current, ...keyring.previous].map(keyOf).find((candidate) => candidate.id === keyId)
  if (!key) throw new CredentialsUnreadableError(`sealed under unknown key ${keyId}`)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(associatedData(keyId, accountId))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])
    const parsed = JSON.parse(plain.toString('utf8')) as unknown
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object')
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    )
  } catch {
    // GCM refuses any changed byte, a wrong key or another account's row alike: one answer for all.
    throw new CredentialsUnreadableError('credentials failed authentication')
  }
}
