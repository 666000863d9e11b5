// Password rules and argon2id hashing (@node-rs/argon2 defaults: argon2id, m=19456 KiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2'
import { AppError, problem, type Problem } from '../app-error.ts'

export const MIN_PASSWORD_LENGTH = 12
const MAX_PASSWORD_LENGTH = 256

/** What is wrong with the password (a message key and its parameters), or null when it is acceptable. */
export function passwordProblem(password: string, email: string): Problem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return problem('auth.password_too_short', { minimum: MIN_PASSWORD_LENGTH })
  if (password.length > MAX_PASSWORD_LENGTH)
    return problem('auth.password_too_long', { maximum: MAX_PASSWORD_LENGTH })
  const lowered = password.trim().toLowerCase()
  const mail = email.trim().toLowerCase()
  if (lowered === mail || lowered === mail.split('@')[0]) return problem('auth.password_is_email')
  if (new Set(password).size < 4) return problem('auth.password_too_simple')
  return null
}

export function assertPasswordAcceptable(password: string, email: string, field = 'password'): void {
  const found = passwordProblem(password, email)
  if (found) throw new AppError('invalid_input', found.key, found.params, { [field]: found })
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
