// Making signed checkpoints (daily by a job, or on demand) and handing them out. Before signing, the entries
// added since the last checkpoint are verified and that checkpoint's head must still be in place, so the server
// never signs a head it can already see is broken. Making a checkpoint is not itself an audit entry: it would move
// the head it has just signed; the checkpoints table (append-only) is its record, with who made it.
import type { Db } from '../../db/client.ts'
import { chainOf, listAuditChains, readAuditEntryAt, readAuditHead } from '../../db/audit-repository.ts'
import {
  getAuditCheckpoint,
  insertAuditCheckpoint,
  latestAuditCheckpoint,
  listAuditCheckpoints,
  type AuditCheckpointRow,
} from '../../db/audit-checkpoint-repository.ts'
import { loadOrCreateDeploymentValue } from '../../db/deployment-settings-repository.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, isAppError } from '../app-error.ts'
import type { ChainPosition } from './audit-hash.ts'
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  generateSigningKeyPem,
  publicKeyPem,
  signingKeyFromPem,
  signStatement,
  statementText,
  type CheckpointFile,
  type CheckpointStatement,
  type SigningKey,
} from './checkpoint-file.ts'
import { checkpointFileOf } from './checkpoint-row.ts'
import { walkChain } from './verify-audit-log.ts'

export interface CheckpointDeps {
  db: Db
  clock: { now(): Date }
}

/** The deployment_settings key of the Ed25519 private key (PKCS#8 PEM); it travels in backups like the secret. */
export const SIGNING_KEY_SETTING = 'audit_checkpoint_signing_key'

export async function loadSigningKey(db: Db): Promise<SigningKey> {
  return signingKeyFromPem(await loadOrCreateDeploymentValue(db, SIGNING_KEY_SETTING, generateSigningKeyPem))
}

export interface CheckpointMaker {
  label: string
  userId: string | null
}

/**
 * Signs the chain's current head, or answers the newest checkpoint when the head has not moved since. Throws
 * `conflict` when the chain is empty or broken.
 */
export async function makeCheckpoint(
  deps: CheckpointDeps,
  chain: string,
  by: CheckpointMaker,
): Promise<{ checkpoint: AuditCheckpointRow; created: boolean }> {
  const head = await readAuditHead(deps.db, chain)
  if (!head) throw new AppError('conflict', 'audit.checkpoint_empty')
  const latest = await latestAuditCheckpoint(deps.db, chain)
  if (latest && latest.seq === head.seq && latest.headHash === head.hash)
    return { checkpoint: latest, created: false }
  let from: ChainPosition | undefined
  if (latest) {
    const entry = latest.seq <= head.seq ? await readAuditEntryAt(deps.db, chain, latest.seq) : null
    if (entry?.hash !== latest.headHash)
      throw new AppError('conflict', 'audit.checkpoint_chain_broken', { seq: latest.seq })
    from = { seq: entry.seq, hash: entry.hash, hashVersion: entry.hashVersion, id: entry.id }
  }
  const walk = await walkChain(deps.db, chain, new Set(), from, head.seq)
  if (walk.broken) throw new AppError('conflict', 'audit.checkpoint_chain_broken', { seq: walk.broken.seq })
  if (walk.last?.seq !== head.seq || walk.last.hash !== head.hash)
    throw new AppError('conflict', 'audit.checkpoint_chain_broken', { seq: head.seq })

  const instansiId = chain === 'system' ? null : chain
  const owner = instansiId ? await getInstansi(deps.db, instansiId) : undefined
  const statement: CheckpointStatement = {
    type: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    chain,
    instansi: owner ? { id: owner.id, slug: owner.slug, name: owner.name } : null,
    seq: head.seq,
    headHash: head.hash,
    headHashVersion: head.hashVersion,
    createdAt: new Date(Math.floor(deps.clock.now().getTime())).toISOString(),
  }
  const key = await loadSigningKey(deps.db)
  const checkpoint = await insertAuditCheckpoint(deps.db, {
    chain,
    instansiId: owner ? owner.id : null,
    seq: statement.seq,
    headHash: statement.headHash,
    createdAt: new Date(statement.createdAt),
    createdBy: by.label,
    createdByUserId: by.userId,
    statement: statementText(statement),
    signature: signStatement(statement, key),
    publicKey: key.publicKeyDer.toString('base64'),
    keyFingerprint: key.fingerprint,
  })
  return { checkpoint, created: true }
}

export interface DailyCheckpoints {
  created: number
  unchanged: number
  /** Chains the server refused to sign, with the message key why (a broken chain is a finding to report). */
  refused: { chain: string; key: string; seq: number | null }[]
}

/** The daily job: a checkpoint of every chain whose head moved since its last one. */
export async function makeDailyCheckpoints(deps: CheckpointDeps): Promise<DailyCheckpoints> {
  const result: DailyCheckpoints = { created: 0, unchanged: 0, refused: [] }
  for (const chain of await listAuditChains(deps.db)) {
    try {
      const { created } = await makeCheckpoint(deps, chain, { label: 'job', userId: null })
      if (created) result.created += 1
      else result.unchanged += 1
    } catch (error) {
      if (!isAppError(error)) throw error
      const seq = error.params.seq
      result.refused.push({ chain, key: error.key, seq: typeof seq === 'number' ? seq : null })
    }
  }
  return result
}

/** What the viewer lists about a checkpoint. */
export interface CheckpointView {
  id: number
  /** Entries in the chain when it was made (the head's position). */
  seq: number
  headHash: string
  /** ISO 8601 UTC. */
  createdAt: string
  /** 'job' for the daily checkpoint, otherwise who asked for it. */
  createdBy: string
  keyFingerprint: string
  /** Suggested name of the downloaded file. */
  fileName: string
}

export interface SigningKeyView {
  algorithm: 'Ed25519'
  /** SHA-256 of the public key's DER bytes (hex): what an auditor pins with --fingerprint. */
  fingerprint: string
  publicKeyPem: string
}

function fileNameOf(row: AuditCheckpointRow, slug: string | undefined): string {
  const day = row.createdAt.toISOString().slice(0, 10)
  return `warta-checkpoint-${slug ?? row.chain}-${day}-${row.seq}.json`
}

function viewOf(row: AuditCheckpointRow, slug: string | undefined): CheckpointView {
  return {
    id: row.id,
    seq: row.seq,
    headHash: row.headHash,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    keyFingerprint: row.keyFingerprint,
    fileName: fileNameOf(row, slug),
  }
}

async function slugOf(db: Db, instansiId: string): Promise<string | undefined> {
  return (await getInstansi(db, instansiId))?.slug
}

export async function listCheckpointsFor(
  deps: CheckpointDeps,
  actor: Actor,
  page: { limit: number; beforeId?: number | undefined },
): Promise<{ items: CheckpointView[]; nextBeforeId: number | null; signingKey: SigningKeyView }> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const rows = await listAuditCheckpoints(deps.db, chainOf(actor.instansiId), {
    limit: page.limit + 1,
    beforeId: page.beforeId,
  })
  const slug = await slugOf(deps.db, actor.instansiId)
  const shown = rows.slice(0, page.limit)
  return {
    items: shown.map((row) => viewOf(row, slug)),
    nextBeforeId: rows.length > page.limit ? shown[shown.length - 1]!.id : null,
    signingKey: await signingKeyView(deps.db),
  }
}

export async function signingKeyView(db: Db): Promise<SigningKeyView> {
  const key = await loadSigningKey(db)
  return { algorithm: 'Ed25519', fingerprint: key.fingerprint, publicKeyPem: publicKeyPem(key.publicKeyDer) }
}

export async function signingKeyFor(deps: CheckpointDeps, actor: Actor): Promise<SigningKeyView> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  return signingKeyView(deps.db)
}

/** On demand from the viewer: anyone who may read the log may have its head signed and download it. */
export async function createCheckpointFor(
  deps: CheckpointDeps,
  actor: Actor,
): Promise<{ checkpoint: CheckpointView; created: boolean }> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const { checkpoint, created } = await makeCheckpoint(deps, chainOf(actor.instansiId), {
    label: actor.label,
    userId: actor.via === 'cli' || actor.userId === '' ? null : actor.userId,
  })
  return { checkpoint: viewOf(checkpoint, await slugOf(deps.db, actor.instansiId)), created }
}

export async function checkpointFileFor(
  deps: CheckpointDeps,
  actor: Actor,
  id: number,
): Promise<{ file: CheckpointFile; fileName: string }> {
  authorize(actor, 'audit.read', { instansiId: actor.instansiId })
  const row = await getAuditCheckpoint(deps.db, chainOf(actor.instansiId), id)
  if (!row) throw new AppError('not_found', 'audit.checkpoint_not_found')
  return { file: checkpointFileOf(row), fileName: fileNameOf(row, await slugOf(deps.db, actor.instansiId)) }
}
