// `warta audit …`: checks the audit log's hash chains, and makes and checks signed checkpoints.
//   verify [--instansi SLUG]                    every chain (or one): exit 0 when intact, 1 with the first broken
//                                               link of each broken chain
//   verify --checkpoint FILE [--fingerprint HEX | --public-key FILE] [--instansi SLUG]
//                                               the chain must still contain the checkpoint's exact head
//   checkpoint --instansi SLUG [--out FILE]     sign the chain's head now and write the file (stdout without --out)
//   key                                         the signing key's fingerprint and public key, to give the auditor
// Exit 2 for a usage error.
import { readFileSync, writeFileSync } from 'node:fs'
import type { Db } from '../../db/client.ts'
import { findInstansiBySlug } from '../../db/instansi-repository.ts'
import { AppError, isAppError } from '../../features/app-error.ts'
import { auditVerifyReport } from '../../features/audit/audit-verify-report.ts'
import { fingerprintOfPublicKeyText } from '../../features/audit/checkpoint-file.ts'
import { checkpointFileOf } from '../../features/audit/checkpoint-row.ts'
import { makeCheckpoint, signingKeyView } from '../../features/audit/checkpoints.ts'
import { checkpointVerifyReport } from '../../features/audit/verify-checkpoint-file.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'

const USAGE = `Usage: warta audit verify [--instansi SLUG]
       warta audit verify --checkpoint FILE [--fingerprint HEX | --public-key FILE] [--instansi SLUG]
       warta audit checkpoint --instansi SLUG [--out FILE]
       warta audit key
`
const SUBCOMMANDS = new Set(['verify', 'checkpoint', 'key'])

export interface CommandOutput {
  out: (line: string) => void
  err: (line: string) => void
}

class UsageError extends Error {}

function fileText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(
      `cannot read the ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

async function verify(db: Db, args: string[], output: CommandOutput): Promise<number> {
  const instansiSlug = readOption(args, 'instansi')
  const checkpointPath = readOption(args, 'checkpoint')
  const fingerprint = readOption(args, 'fingerprint')
  const publicKeyPath = readOption(args, 'public-key')
  if (!checkpointPath && (fingerprint || publicKeyPath))
    throw new UsageError('--fingerprint and --public-key go with --checkpoint FILE')
  if (fingerprint && publicKeyPath)
    throw new UsageError('give either --fingerprint or --public-key, not both')
  let report
  if (checkpointPath) {
    let pinned = fingerprint
    if (publicKeyPath) {
      try {
        pinned = fingerprintOfPublicKeyText(fileText(publicKeyPath, 'public key'))
      } catch (error) {
        if (error instanceof UsageError) throw error
        throw new UsageError(`${publicKeyPath} is not an Ed25519 public key (PEM or base64 DER)`)
      }
    }
    report = await checkpointVerifyReport(db, fileText(checkpointPath, 'checkpoint file'), {
      pinnedFingerprint: pinned,
      instansiSlug,
    })
  } else {
    report = await auditVerifyReport(db, { instansiSlug })
  }
  const write = report.exitCode === 0 ? output.out : output.err
  for (const line of report.lines) write(`${line}\n`)
  return report.exitCode
}

async function checkpoint(db: Db, args: string[], output: CommandOutput): Promise<number> {
  const slug = readOption(args, 'instansi')
  if (!slug) throw new UsageError('checkpoint needs --instansi SLUG')
  const owner = await findInstansiBySlug(db, slug)
  if (!owner) throw new AppError('not_found', 'audit.instansi_not_found', { slug })
  const { checkpoint: row, created } = await makeCheckpoint(
    { db, clock: { now: () => new Date() } },
    owner.id,
    {
      label: 'cli',
      userId: null,
    },
  )
  const text = `${JSON.stringify(checkpointFileOf(row), null, 2)}\n`
  const outPath = readOption(args, 'out')
  const summary = `${created ? 'signed' : 'unchanged since the last checkpoint:'} entry #${row.seq} of ${slug}, hash ${row.headHash}, key ${row.keyFingerprint}`
  if (outPath && outPath !== '-') {
    writeFileSync(outPath, text)
    output.out(`OK ${summary}; written to ${outPath}\n`)
  } else {
    output.out(text)
    output.err(`OK ${summary}\n`)
  }
  return 0
}

async function key(db: Db, output: CommandOutput): Promise<number> {
  const view = await signingKeyView(db)
  output.out(`Ed25519 fingerprint (SHA-256 of the public key's DER bytes): ${view.fingerprint}\n`)
  output.out(view.publicKeyPem.endsWith('\n') ? view.publicKeyPem : `${view.publicKeyPem}\n`)
  return 0
}

/** The command on an open database; the integration test calls this directly. */
export async function auditCommand(db: Db, args: string[], output: CommandOutput): Promise<number> {
  const [sub, ...rest] = args
  if (!sub || !SUBCOMMANDS.has(sub)) {
    output.err(USAGE)
    return 2
  }
  try {
    if (sub === 'verify') return await verify(db, rest, output)
    if (sub === 'checkpoint') return await checkpoint(db, rest, output)
    return await key(db, output)
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`warta audit: ${error.message}\n${USAGE}`)
      return 2
    }
    if (isAppError(error)) {
      output.err(`warta audit: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

export async function run(args: string[]): Promise<number> {
  if (!args[0] || !SUBCOMMANDS.has(args[0])) {
    process.stderr.write(USAGE)
    return 2
  }
  const database = await openCliDatabase('audit')
  if (!database) return 1
  try {
    return await auditCommand(database.db, args, {
      out: (line) => process.stdout.write(line),
      err: (line) => process.stderr.write(line),
    })
  } catch (error) {
    // The usual cause on a new data folder: nothing was migrated yet, so there is no audit_log to read.
    process.stderr.write(
      `warta audit: the audit log could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Has 'warta migrate' run on this database?\n`,
    )
    return 1
  } finally {
    await database.close()
  }
}
