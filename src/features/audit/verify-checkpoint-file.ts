// `warta audit verify --checkpoint FILE [--fingerprint HEX | --public-key FILE]`: holds the database against a
// checkpoint an auditor kept. The file must carry a valid signature by a key the auditor trusts (the pinned
// fingerprint, or else this deployment's own key), and the chain must still contain that exact head: fewer
// entries means the end was deleted or the log emptied, another hash at that position means the chain was
// recomputed. The rest of the chain is verified as `warta audit verify` does.
import type { Db } from '../../db/client.ts'
import { readDeploymentValue } from '../../db/deployment-settings-repository.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import { describeBreak, type VerifyReport } from './audit-verify-report.ts'
import {
  checkpointFileSchema,
  checkSignature,
  normaliseFingerprint,
  signingKeyFromPem,
  type CheckpointFile,
} from './checkpoint-file.ts'
import { SIGNING_KEY_SETTING } from './checkpoints.ts'
import { verifyChain } from './verify-audit-log.ts'

export interface CheckpointVerifyOptions {
  /** The fingerprint the auditor recorded (any case, colons or a 'SHA256:' prefix allowed). */
  pinnedFingerprint?: string | undefined
  /** When given, the checkpoint must be of this instansi. */
  instansiSlug?: string | undefined
}

const failed = (lines: string[]): VerifyReport => ({ exitCode: 1, lines })

function parseFile(text: string): CheckpointFile | string {
  let json: unknown
  try {
    json = JSON.parse(text) as unknown
  } catch {
    return 'the file is not JSON'
  }
  const parsed = checkpointFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return `it is not a Warta audit checkpoint (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown shape'})`
  }
  return parsed.data
}

export async function checkpointVerifyReport(
  db: Db,
  fileText: string,
  options: CheckpointVerifyOptions = {},
): Promise<VerifyReport> {
  const file = parseFile(fileText)
  if (typeof file === 'string') return failed([`FAILED checkpoint: ${file}`])
  const lines: string[] = []
  const statement = file.statement

  const signature = checkSignature(file)
  if (!signature.valid) return failed([`FAILED checkpoint signature: ${signature.reason}`])
  const fingerprint = signature.fingerprint
  if (options.pinnedFingerprint !== undefined) {
    const pinned = normaliseFingerprint(options.pinnedFingerprint)
    if (pinned !== fingerprint)
      return failed([
        `FAILED checkpoint signature: signed by key ${fingerprint}, not by the pinned key ${pinned} (a checkpoint made with another key proves nothing)`,
      ])
    lines.push(`OK checkpoint signature: Ed25519, key ${fingerprint} (the pinned key)`)
  } else {
    const stored = await readDeploymentValue(db, SIGNING_KEY_SETTING)
    const own = stored ? signingKeyFromPem(stored).fingerprint : null
    if (own !== fingerprint)
      return failed([
        `FAILED checkpoint signature: signed by key ${fingerprint}, which is not this deployment's key (${own ?? 'none'}). ` +
          'If you recorded that fingerprint when the checkpoint was made, pass it with --fingerprint.',
      ])
    lines.push(
      `OK checkpoint signature: Ed25519, key ${fingerprint} (this deployment's key; not pinned: pass --fingerprint with the fingerprint you recorded to rule out a replaced key)`,
    )
  }

  const owner = statement.instansi
  const name = owner ? owner.slug : statement.chain
  if (options.instansiSlug !== undefined && owner?.slug !== options.instansiSlug)
    return failed([...lines, `FAILED checkpoint is of ${name}, not of ${options.instansiSlug}`])
  if (owner && statement.chain !== owner.id)
    return failed([...lines, 'FAILED checkpoint names an instansi that is not its chain'])
  if (owner && !(await getInstansi(db, owner.id)))
    return failed([
      ...lines,
      `FAILED instansi ${owner.slug} (${owner.id}) of the checkpoint is not in this database`,
    ])

  const result = await verifyChain(db, statement.chain, [statement.seq])
  const made = statement.createdAt
  const walkedTo = result.walk.last?.seq ?? 0
  if (result.walk.broken && result.walk.broken.seq <= statement.seq) {
    return failed([
      ...lines,
      `FAILED chain ${name}: ${describeBreak(result.walk.broken)} (before the checkpoint's head #${statement.seq})`,
    ])
  }
  const head = result.walk.seen.get(statement.seq)
  if (!head) {
    return failed([
      ...lines,
      `FAILED checkpoint of ${name} made ${made}: the chain now has ${walkedTo} entries, the checkpoint saw ${statement.seq} ` +
        '(entries were removed from the end, or the log was emptied)',
    ])
  }
  if (head.hash !== statement.headHash) {
    return failed([
      ...lines,
      `FAILED checkpoint of ${name} made ${made}: entry #${statement.seq} (row id ${head.id}) has hash ${head.hash}, ` +
        `the checkpoint says ${statement.headHash} (the chain was rewritten or recomputed after the checkpoint)`,
    ])
  }
  lines.push(
    `OK checkpoint of ${name} made ${made}: entry #${statement.seq} still has hash ${statement.headHash}`,
  )
  if (result.broken) {
    lines.push(`FAILED chain ${name}: ${describeBreak(result.broken)}`)
    return failed(lines)
  }
  lines.push(
    `OK chain ${name}: ${result.walk.entries} entries checked, intact (${result.walk.entries - statement.seq} added since the checkpoint)`,
  )
  return { exitCode: 0, lines }
}
