// The TOTP half of `warta keys rotate`: every user's authenticator secret is sealed under the deployment secret
// (totp.ts). After WARTA_SECRET changes, a previous secret still opens them (totpSecretsOf), and this re-seals each
// one under the current secret, so the previous secret can be dropped without locking anyone out of 2FA. Rows are
// paged, each replaced only if it is still what was read (a re-enrolment meanwhile wins), and each instansi's log
// records how many moved.
import type { Db } from '../../db/client.ts'
import { listTotpSecretsAfter, replaceTotpSecret } from '../../db/users-repository.ts'
import { recordChangeAs, type ChangeMeta } from '../audit/record-change.ts'
import { openTotpSecretWith, sealTotpSecret, TotpSecretUnreadableError } from './totp.ts'

export interface TotpRotationReport {
  total: number
  reEncrypted: number
  alreadyCurrent: number
  /** Sealed under none of the known secrets: left as they are; the user re-enrols (or gives the old secret). */
  unreadable: Array<{ instansiId: string; userId: string }>
}

const BATCH = 100

export async function rotateTotpSecrets(
  deps: { db: Db; secret: string; previousSecrets: readonly string[]; now: () => Date },
  origin: { label: string; meta: ChangeMeta },
  instansiId?: string,
): Promise<TotpRotationReport> {
  const secrets = [deps.secret, ...deps.previousSecrets]
  const report: TotpRotationReport = { total: 0, reEncrypted: 0, alreadyCurrent: 0, unreadable: [] }
  const movedPerInstansi = new Map<string, number>()
  let after: string | null = null
  for (;;) {
    const rows = await listTotpSecretsAfter(deps.db, after, BATCH, instansiId)
    if (rows.length === 0) break
    after = rows.at(-1)!.userId
    for (const row of rows) {
      report.total += 1
      let opened: { secret: string; index: number }
      try {
        opened = openTotpSecretWith(row.totpSecret, secrets)
      } catch (error) {
        if (!(error instanceof TotpSecretUnreadableError)) throw error
        report.unreadable.push({ instansiId: row.instansiId, userId: row.userId })
        continue
      }
      // Index 0 with the sealed form: already under the current secret. A legacy plain secret is sealed now.
      if (opened.index === 0 && row.totpSecret.startsWith('v1:')) {
        report.alreadyCurrent += 1
        continue
      }
      const sealed = sealTotpSecret(opened.secret, deps.secret)
      if (await replaceTotpSecret(deps.db, row.instansiId, row.userId, row.totpSecret, sealed)) {
        report.reEncrypted += 1
        movedPerInstansi.set(row.instansiId, (movedPerInstansi.get(row.instansiId) ?? 0) + 1)
      } else {
        report.alreadyCurrent += 1
      }
    }
  }
  for (const [owner, reEncrypted] of movedPerInstansi) {
    await deps.db.transaction((tx) =>
      recordChangeAs(
        tx,
        { instansiId: owner, userId: null, label: origin.label },
        origin.meta,
        {
          action: 'keys.rotate',
          objectType: 'instansi',
          objectId: owner,
          after: { totpReEncrypted: reEncrypted },
        },
        deps.now(),
      ),
    )
  }
  return report
}
