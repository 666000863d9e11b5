// `warta keys rotate`: re-seals every stored platform credential under the key of the current deployment secret.
// After WARTA_SECRET changes, the previous secret (WARTA_PREVIOUS_SECRET, or the generated one a configured secret
// replaced) still opens old ciphertexts, so the app keeps working until this has run; afterwards the previous
// secret can be dropped. Rows are handled in small batches, each row replaced only if it is still what was read
// (a reconnect meanwhile wins), and each instansi's log records how many of its credentials moved to the new key.
import type { Db } from '../../db/client.ts'
import {
  listSealedCredentialsAfter,
  replaceSealedCredentials,
} from '../../db/account-connections-repository.ts'
import { recordChangeAs, type ChangeMeta } from '../audit/record-change.ts'
import {
  CredentialsUnreadableError,
  currentKeyId,
  openCredentials,
  sealCredentials,
  type CredentialKeyring,
} from './credential-cipher.ts'

export interface KeyRotationReport {
  keyId: string
  /** Credentials found. */
  total: number
  reEncrypted: number
  alreadyCurrent: number
  /** Sealed under a key none of the known secrets derives (or damaged): left as they are, listed. */
  unreadable: Array<{ instansiId: string; accountId: string; keyId: string }>
}

const BATCH = 100

export async function rotateCredentialKeys(
  deps: { db: Db; keyring: CredentialKeyring; now: () => Date },
  origin: { label: string; meta: ChangeMeta },
  /** One instansi only (a large deployment may rotate one at a time); every instansi when undefined. */
  instansiId?: string,
): Promise<KeyRotationReport> {
  const keyId = currentKeyId(deps.keyring)
  const report: KeyRotationReport = { keyId, total: 0, reEncrypted: 0, alreadyCurrent: 0, unreadable: [] }
  const movedPerInstansi = new Map<string, number>()
  let after: string | null = null
  for (;;) {
    const rows = await listSealedCredentialsAfter(deps.db, after, BATCH, instansiId)
    if (rows.length === 0) break
    after = rows.at(-1)!.accountId
    for (const row of rows) {
      report.total += 1
      if (row.credentialsKeyId === keyId) {
        report.alreadyCurrent += 1
        continue
      }
      let plain: Record<string, string>
      try {
        plain = openCredentials(deps.keyring, row.accountId, row.credentials)
      } catch (error) {
        if (!(error instanceof CredentialsUnreadableError)) throw error
        report.unreadable.push({
          instansiId: row.instansiId,
          accountId: row.accountId,
          keyId: row.credentialsKeyId,
        })
        continue
      }
      const sealed = sealCredentials(deps.keyring, row.accountId, plain)
      const replaced = await replaceSealedCredentials(
        deps.db,
        row.instansiId,
        row.accountId,
        row.credentials,
        {
          credentials: sealed.ciphertext,
          credentialsKeyId: sealed.keyId,
        },
      )
      // Not replaced: the account was reconnected or disconnected meanwhile, under the current key or with none.
      if (replaced) {
        report.reEncrypted += 1
        movedPerInstansi.set(row.instansiId, (movedPerInstansi.get(row.instansiId) ?? 0) + 1)
      } else {
        report.alreadyCurrent += 1
      }
    }
  }
  for (const [instansiId, reEncrypted] of movedPerInstansi) {
    await deps.db.transaction((tx) =>
      recordChangeAs(
        tx,
        { instansiId, userId: null, label: origin.label },
        origin.meta,
        {
          action: 'keys.rotate',
          objectType: 'instansi',
          objectId: instansiId,
          after: { reEncrypted, keyId },
        },
        deps.now(),
      ),
    )
  }
  return report
}
