// Password rules and argon2id hashing (@node-rs/argon2 defaults: argon2id, m=19456 KiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2'
import { AppError } from '../app-error.ts'

export const MIN_PASSWORD_LENGTH = 12
const MAX_PASSWORD_LENGTH = 256

/** Returns the problem in Bahasa Indonesia, or null when the password is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`
  if (password.length > MAX_PASSWORD_LENGTH) return `Kata sandi maksimal ${MAX_PASSWORD_LENGTH} karakter.`
  const lowered = password.trim().toLowerCase()
  const mail = email.trim().toLowerCase()
  if (lowered === mail || lowered === mail.split('@')[0])
    return 'Kata sandi tidak boleh sama dengan alamat e-mail.'
  if (new Set(password).size < 4)
    return 'Kata sandi terlalu mudah ditebak: gunakan lebih banyak karakter yang berbeda.'
  return null
}

export function assertPasswordAcceptable(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email)
  if (problem) throw new AppError('invalid_input', problem, { [field]: problem })
}

export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verified against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let dummyHash: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash('warta-dummy-password-for-timing')
    await verify(await dummyHash, password)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A temporary password for admin resets and the CLI: 20 characters, easy to read out. */
export function generateTemporaryPassword(random: (size: number) => Buffer): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'
  return [...random(20)].map((byte) => alphabet[byte % alphabet.length]).join('')
}
