// Checking a second factor: a TOTP code from the authenticator app, or one of the one-time recovery codes.
import type { Db } from '../../db/client.ts'
import { consumeRecoveryCode, type UserRow } from '../../db/identity-repository.ts'
import { hashRecoveryCode } from './secret-token.ts'
import { openTotpSecret, verifyTotp } from './totp.ts'

export interface SecondFactorInput {
  totp?: string | undefined
  recoveryCode?: string | undefined
}

export function hasSecondFactorInput(input: SecondFactorInput): boolean {
  return Boolean(input.totp?.trim() || input.recoveryCode?.trim())
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
    return { ok: verifyTotp(openTotpSecret(user.totpSecret, deploymentSecret), input.totp, now), usedRecoveryCode: false }
  }
  if (input.recoveryCode?.trim()) {
    const ok = await consumeRecoveryCode(db, user.instansiId, user.id, hashRecoveryCode(input.recoveryCode), now)
    return { ok, usedRecoveryCode: ok }
  }
  return { ok: false, usedRecoveryCode: false }
}
