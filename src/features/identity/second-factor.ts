// Checking a second factor: a TOTP code from the authenticator app, or one of the one-time recovery codes.
// Each is accepted once: a TOTP code only for a time step later than the last accepted one (RFC 6238 §5.2),
// a recovery code only while unused.
import type { Db } from '../../db/client.ts'
import { consumeRecoveryCode } from '../../db/recovery-codes-repository.ts'
import { claimTotpStep } from '../../db/totp-used-steps-repository.ts'
import type { UserRow } from '../../db/users-repository.ts'
import { hashRecoveryCode } from './secret-token.ts'
import { matchTotpStep, openTotpSecret } from './totp.ts'

export interface SecondFactorInput {
  totp?: string | undefined
  recoveryCode?: string | undefined
}

export function hasSecondFactorInput(input: SecondFactorInput): boolean {
  return Boolean(input.totp?.trim() || input.recoveryCode?.trim())
}

/** True when the code matches the user's (possibly still pending) secret and was not used before. */
export async function acceptTotpCode(
  db: Db,
  deploymentSecret: string,
  user: Pick<UserRow, 'id' | 'instansiId' | 'totpSecret'>,
  code: string,
  now: Date,
): Promise<boolean> {
  if (!user.totpSecret) return false
  const step = matchTotpStep(openTotpSecret(user.totpSecret, deploymentSecret), code, now)
  if (step === null) return false
  return claimTotpStep(db, user.instansiId, user.id, step, now)
}

/** True when the code is valid; a recovery code is consumed by this call (single use even under races). */
export async function checkSecondFactor(
  db: Db,
  deploymentSecret: string,
  user: Pick<UserRow, 'id' | 'instansiId' | 'totpSecret' | 'totpEnabledAt'>,
  input: SecondFactorInput,
  now: Date,
): Promise<{ ok: boolean; usedRecoveryCode: boolean }> {
  if (!user.totpEnabledAt || !user.totpSecret) return { ok: false, usedRecoveryCode: false }
  if (input.totp?.trim()) {
    return { ok: await acceptTotpCode(db, deploymentSecret, user, input.totp, now), usedRecoveryCode: false }
  }
  if (input.recoveryCode?.trim()) {
    const ok = await consumeRecoveryCode(
      db,
      user.instansiId,
      user.id,
      hashRecoveryCode(input.recoveryCode),
      now,
    )
    return { ok, usedRecoveryCode: ok }
  }
  return { ok: false, usedRecoveryCode: false }
}
