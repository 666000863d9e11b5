// Checking a second factor: a TOTP code from the authenticator app, or one of the one-time recovery codes.
// Each is accepted once: a TOTP code only for a time step later than the last accepted one (RFC 6238 §5.2),
// a recovery code only while unused.
import type { Db } from '../../db/client.ts'
import { consumeRecoveryCode } from '../../db/recovery-codes-repository.ts'
import { claimTotpStep } from '../../db/totp-used-steps-repository.ts'
import type { UserRow } from '../../db/users-repository.ts'
import { hashRecoveryCode } from './secret-token.ts'
import { matchTotpStep, openTotpSecret, TotpSecretUnreadableError } from './totp.ts'

export interface SecondFactorInput {
  totp?: string | undefined
  recoveryCode?: string | undefined
}

export function hasSecondFactorInput(input: SecondFactorInput): boolean {
  return Boolean(input.totp?.trim() || input.recoveryCode?.trim())
}

/** accepted; wrong (matches no step in the window, or no such unused recovery code); replayed (already used). */
export type CodeOutcome = 'accepted' | 'wrong' | 'replayed'

/** Whether the code matches the user's (possibly still pending) secret and was not used before. */
export async function acceptTotpCode(
  db: Db,
  /** The current deployment secret first, then previous ones (identity-deps.ts totpSecretsOf). */
  deploymentSecrets: readonly string[],
  user: Pick<UserRow, 'id' | 'instansiId' | 'totpSecret'>,
  code: string,
  now: Date,
): Promise<CodeOutcome> {
  if (!user.totpSecret) return 'wrong'
  let secret: string
  try {
    secret = openTotpSecret(user.totpSecret, deploymentSecrets)
  } catch (error) {
    // Sealed under a secret this deployment no longer knows: no code can match; a recovery code still works.
    if (error instanceof TotpSecretUnreadableError) return 'wrong'
    throw error
  }
  const step = matchTotpStep(secret, code, now)
  if (step === null) return 'wrong'
  return (await claimTotpStep(db, user.instansiId, user.id, step, now)) ? 'accepted' : 'replayed'
}

export interface SecondFactorCheck {
  ok: boolean
  method: 'totp' | 'recovery_code'
  outcome: CodeOutcome
  usedRecoveryCode: boolean
}

/** Checks the code; a recovery code is consumed by this call (single use even under races). */
export async function checkSecondFactor(
  db: Db,
  deploymentSecrets: readonly string[],
  user: Pick<UserRow, 'id' | 'instansiId' | 'totpSecret' | 'totpEnabledAt'>,
  input: SecondFactorInput,
  now: Date,
): Promise<SecondFactorCheck> {
  const method = !input.totp?.trim() && input.recoveryCode?.trim() ? 'recovery_code' : 'totp'
  const refused = { ok: false, method, outcome: 'wrong', usedRecoveryCode: false } as const
  if (!user.totpEnabledAt || !user.totpSecret) return refused
  if (method === 'totp') {
    if (!input.totp?.trim()) return refused
    const outcome = await acceptTotpCode(db, deploymentSecrets, user, input.totp, now)
    return { ok: outcome === 'accepted', method, outcome, usedRecoveryCode: false }
  }
  const ok = await consumeRecoveryCode(
    db,
    user.instansiId,
    user.id,
    hashRecoveryCode(input.recoveryCode!),
    now,
  )
  return { ok, method, outcome: ok ? 'accepted' : 'wrong', usedRecoveryCode: ok }
}
