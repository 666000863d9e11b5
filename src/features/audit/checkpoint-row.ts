// A stored checkpoint row as the self-contained file an auditor downloads, and the check of a stored row.
import type { AuditCheckpointRow } from '../../db/audit-checkpoint-repository.ts'
import {
  checkpointFile,
  checkpointStatementSchema,
  checkSignature,
  statementText,
  type CheckpointFile,
  type SignatureCheck,
} from './checkpoint-file.ts'

function parseStatement(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

/** The file of a stored checkpoint (its statement exactly as stored and signed). */
export function checkpointFileOf(row: AuditCheckpointRow): CheckpointFile {
  const parsed = checkpointStatementSchema.safeParse(parseStatement(row.statement))
  // A stored statement that no longer parses was tampered with: hand back a file whose check fails.
  const statement = parsed.success
    ? parsed.data
    : {
        type: 'warta-audit-checkpoint' as const,
        version: 1 as const,
        chain: row.chain,
        instansi: null,
        seq: row.seq,
        headHash: row.headHash,
        headHashVersion: 0,
        createdAt: row.createdAt.toISOString(),
      }
  const file = checkpointFile(statement, row.signature, Buffer.from(row.publicKey, 'base64'))
  return { ...file, signature: { ...file.signature, fingerprint: row.keyFingerprint } }
}

/** A stored row is sound when its statement is the signed one and its columns say what the statement says. */
export function checkStoredCheckpoint(row: AuditCheckpointRow): SignatureCheck {
  const file = checkpointFileOf(row)
  const signature = checkSignature(file)
  if (!signature.valid) return signature
  const statement = file.statement
  if (
    statementText(statement) !== row.statement ||
    statement.chain !== row.chain ||
    statement.seq !== row.seq ||
    statement.headHash !== row.headHash
  )
    return {
      valid: false,
      fingerprint: signature.fingerprint,
      reason: 'its columns differ from the signed statement',
    }
  return signature
}
