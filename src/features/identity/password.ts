// The password rule on the server (src/shared/password-policy.ts with the zxcvbn-ts estimator) and argon2id hashing
// (@node-rs/argon2 defaults: argon2id, m=19456 KiB, t=2, p=1). Every path that sets a password calls
// assertPasswordAcceptable: the first-run wizard, user creation (web and CLI), a change, a reset by e-mail.
import { hash, verify } from '@node-rs/argon2'
import { assessPassword, type PasswordContext } from '../../shared/password-policy.ts'
import { AppError, type Problem } from '../app-error.ts'
import { estimatePasswordStrength } from './password-strength.ts'

export { MIN_PASSWORD_LENGTH, type PasswordContext } from '../../shared/password-policy.ts'

/** What is wrong with the password (a message key and its parameters), or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext): Problem | null {
  return assessPassword(password, context, estimatePasswordStrength).problem
}

/** Throws invalid_input with the problem on `field` unless the password satisfies the rule. */
export function assertPasswordAcceptable(
  password: string,
  context: PasswordContext,
  field = 'password',
): void {
  const found = passwordProblem(password, context)
  if (found) {
    const key = found.key.startsWith('auth.password_warning.') ? 'auth.password_weak' : found.key
    throw new AppError('invalid_input', key, found.params, { [field]: found })
  }
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
