// `warta keys rotate [--instansi SLUG]`: re-encrypts every stored platform credential under the key of the current WARTA_SECRET
// (features/connections/rotate-credential-keys.ts). How to change the secret: README, "Rotating the secret".
// Exit 0 when everything is under the current key, 1 when some credentials could not be opened, 2 for usage.
import type { Db } from '../../db/client.ts'
import { keyringOf } from '../../features/connections/account-connector.ts'
import { rotateCredentialKeys } from '../../features/connections/rotate-credential-keys.ts'
import { rotateTotpSecrets } from '../../features/identity/rotate-totp-secrets.ts'
import type { TerminalMessageKey } from '../../shared/messages/terminal-catalogue.ts'
import type { MessageParams } from '../../shared/messages/format-message.ts'
import { loadConfig } from '../../config.ts'
import { createContext } from '../../context.ts'
import { pino } from 'pino'
import { cliLocale, cliText } from '../cli-text.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'
import { findInstansiBySlug } from '../../db/instansi-repository.ts'

export interface KeysCommandIo {
  out: (text: string) => void
  err: (text: string) => void
  locale?: 'id' | 'en'
}

function line(io: KeysCommandIo, key: TerminalMessageKey, params?: MessageParams): string {
  return `${cliText(key, params, io.locale ?? cliLocale())}\n`
}

export async function runKeysCommand(
  deps: { db: Db; secret: string; previousSecrets: readonly string[] },
  args: string[],
  io: KeysCommandIo,
): Promise<number> {
  const slug = readOption(args, 'instansi')
  if (args[0] !== 'rotate') {
    io.err(line(io, 'cli.keys_usage'))
    return 2
  }
  const owner = slug === undefined ? undefined : await findInstansiBySlug(deps.db, slug)
  if (slug !== undefined && !owner) {
    io.err(line(io, 'cli.keys_unknown_instansi', { slug }))
    return 2
  }
  const report = await rotateCredentialKeys(
    { db: deps.db, keyring: keyringOf(deps), now: () => new Date() },
    { label: 'cli', meta: { ip: 'cli', userAgent: 'warta-cli' } },
    owner?.id,
  )
  io.out(
    line(io, 'cli.keys_rotated', {
      keyId: report.keyId,
      total: report.total,
      reEncrypted: report.reEncrypted,
      alreadyCurrent: report.alreadyCurrent,
    }),
  )
  const totp = await rotateTotpSecrets(
    { ...deps, now: () => new Date() },
    { label: 'cli', meta: { ip: 'cli', userAgent: 'warta-cli' } },
    owner?.id,
  )
  io.out(
    line(io, 'cli.keys_rotated_totp', {
      total: totp.total,
      reEncrypted: totp.reEncrypted,
      alreadyCurrent: totp.alreadyCurrent,
    }),
  )
  for (const item of report.unreadable)
    io.err(line(io, 'cli.keys_unreadable', { accountId: item.accountId, keyId: item.keyId }))
  for (const item of totp.unreadable) io.err(line(io, 'cli.keys_unreadable_totp', { userId: item.userId }))
  if (report.unreadable.length > 0 || totp.unreadable.length > 0) {
    io.err(line(io, 'cli.keys_unreadable_hint'))
    return 1
  }
  return 0
}

export async function run(args: string[]): Promise<number> {
  const io: KeysCommandIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }
  if (args[0] !== 'rotate') {
    io.err(line(io, 'cli.keys_usage'))
    return 2
  }
  const database = await openCliDatabase('keys')
  if (!database) return 1
  try {
    const context = await createContext(loadConfig(), { database, logger: pino({ level: 'silent' }) })
    return await runKeysCommand(context, args, io)
  } finally {
    await database.close()
  }
}
