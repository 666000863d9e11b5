// `warta audit verify`: checks the hash chains and writes a summary a person can act on. Exit code 0 when every
// chain is intact; 1 with the first broken link of each broken chain otherwise.
import type { Db } from '../../db/client.ts'
import type { ChainBreak } from './audit-hash.ts'
import { findInstansiBySlug, getInstansi } from '../../db/instansi-repository.ts'
import { AppError } from '../app-error.ts'
import { verifyAuditLog } from './verify-audit-log.ts'

export interface VerifyReport {
  exitCode: number
  lines: string[]
}

export async function auditVerifyReport(
  db: Db,
  options: { instansiSlug?: string | undefined } = {},
): Promise<VerifyReport> {
  let instansiId: string | undefined
  if (options.instansiSlug) {
    const instansi = await findInstansiBySlug(db, options.instansiSlug)
    if (!instansi) throw new AppError('not_found', 'audit.instansi_not_found', { slug: options.instansiSlug })
    instansiId = instansi.id
  }
  const result = await verifyAuditLog(db, instansiId ? { instansiId } : {})
  const lines: string[] = []
  for (const broken of result.breaks) {
    const owner = broken.chain === 'system' ? undefined : await getInstansi(db, broken.chain)
    const label =
      broken.chain === 'system' ? 'system' : owner ? `${owner.slug} (${broken.chain})` : broken.chain
    lines.push(`BROKEN chain ${label}: ${describeBreak(broken)}`)
  }
  const checked = result.checkpoints > 0 ? `, ${result.checkpoints} stored checkpoint(s)` : ''
  const summary = `${result.chains} chain(s), ${result.entries} entries${checked} checked: ${result.breaks.length === 0 ? 'intact' : `${result.breaks.length} broken`}`
  lines.push(result.breaks.length === 0 ? `OK ${summary}` : `FAILED ${summary}`)
  return { exitCode: result.breaks.length === 0 ? 0 : 1, lines }
}

export function describeBreak(broken: ChainBreak): string {
  const row = broken.id === null ? 'no longer in the log' : `row id ${broken.id}`
  return `first broken link at entry #${broken.seq} (${row}): ${broken.reason}`
}
