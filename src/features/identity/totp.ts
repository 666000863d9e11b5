// TOTP (RFC 6238, SHA-1, 6 digits, 30 s) as every authenticator app implements it. The shared secret is stored
// encrypted with a key derived from the deployment secret, so a database dump alone does not yield the codes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'
import { toDataURL } from 'qrcode'

const ISSUER = 'Warta'
/** Codes one step before or after the current one are accepted (clock drift of phones). */
export const TOTP_WINDOW = 1

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  })
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString()
}

export function totpQrDataUrl(uri: string): Promise<string> {
  return toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
}

/** The code an authenticator shows at `at` (tests and the CLI use it). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: at.getTime() })
}

/** The absolute 30-second step the code belongs to (within the window), or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpFor(secretBase32, 'x').validate({ token, timestamp: at.getTime(), window: TOTP_WINDOW })
  return delta === null ? null : Math.floor(at.getTime() / 30_000) + delta
}

export function verifyTotp(secretBase32: string, code: string, at: Date): boolean {
  return matchTotpStep(secretBase32, code, at) !== null
}

function keyOf(deploymentSecret: string): Buffer {
  return createHash('sha256').update(`warta:totp:${deploymentSecret}`).digest()
}

export function sealTotpSecret(secretBase32: string, deploymentSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(deploymentSecret), iv)
  const sealed = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()])
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`
}

export class TotpSecretUnreadableError extends Error {
  constructor() {
    super('the TOTP secret opens with none of the known deployment secrets')
    this.name = 'TotpSecretUnreadableError'
  }
}

/**
 * Opens a sealed TOTP secret with the first of `deploymentSecrets` that sealed it (the current secret first, then
 * the previous ones kept during a rotation), and says which one it was; `warta keys rotate` re-seals what a
 * previous secret opened. A secret stored before sealing existed (no `v1:`) is returned as it is, index 0.
 */
export function openTotpSecretWith(
  stored: string,
  deploymentSecrets: readonly string[],
): { secret: string; index: number } {
  if (!stored.startsWith('v1:')) return { secret: stored, index: 0 }
  const raw = Buffer.from(stored.slice(3), 'base64url')
  for (const [index, deploymentSecret] of deploymentSecrets.entries()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyOf(deploymentSecret), raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      const secret = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
      return { secret, index }
    } catch {
      // sealed under another secret (or damaged): try the next one
    }
  }
  throw new TotpSecretUnreadableError()
}

export function openTotpSecret(stored: string, deploymentSecrets: string | readonly string[]): string {
  return openTotpSecretWith(
    stored,
    typeof deploymentSecrets === 'string' ? [deploymentSecrets] : deploymentSecrets,
  ).secret
}
