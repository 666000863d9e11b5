// `warta demo [--seed N]`: fills an empty deployment with the demo instansi (features/demo/build-demo.ts) and prints
// its sign-ins once. Exit 0 when built, 1 when the deployment already has an instansi (nothing is changed), 2 for
// usage.
import { pino } from 'pino'
import { loadConfig } from '../../config.ts'
import { createContext } from '../../context.ts'
import { isAppError } from '../../features/app-error.ts'
import { DEFAULT_DEMO_SEED, loadDemo, type BuiltDemo, type DemoDeps } from '../../features/demo/build-demo.ts'
import { ROLE_LABELS } from '../../shared/roles.ts'
import type { MessageKey } from '../../shared/messages/catalogue.ts'
import type { MessageParams } from '../../shared/messages/format-message.ts'
import { cliLocale, cliText } from '../cli-text.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'

export interface DemoCommandIo {
  out: (text: string) => void
  err: (text: string) => void
  locale?: 'id' | 'en'
  /** Elapsed milliseconds since a start (tests pass a fixed one). */
  elapsed?: (startedAt: number) => number
}

function line(io: DemoCommandIo, key: MessageKey, params?: MessageParams): string {
  return `${cliText(key, params, io.locale ?? cliLocale())}\n`
}

/** What was built, in two lines: the instansi and its posts, then its inbox as the office left it. */
export function demoSummary(
  built: Pick<BuiltDemo, 'slug' | 'counts'>,
  seconds: string,
  locale: 'id' | 'en',
): string {
  const { counts } = built
  return (
    `${cliText(
      'cli.demo_built',
      {
        seconds,
        instansi: built.slug,
        units: counts.units,
        accounts: counts.accounts,
        posts: counts.posts,
        published: counts.published,
      },
      locale,
    )}\n` +
    `${cliText(
      'cli.demo_inbox',
      {
        items: counts.inbox.items,
        waiting: counts.inbox.waiting,
        pastTarget: counts.inbox.pastTarget,
        ppidCases: counts.inbox.ppidCases,
        laporReferrals: counts.inbox.laporReferrals,
      },
      locale,
    )}\n`
  )
}

export async function runDemoCommand(deps: DemoDeps, args: string[], io: DemoCommandIo): Promise<number> {
  const seedText = readOption(args, 'seed')
  const seed = seedText === undefined ? DEFAULT_DEMO_SEED : Number(seedText)
  if (args.includes('--help') || !Number.isSafeInteger(seed)) {
    io.err(line(io, 'cli.demo_usage'))
    return 2
  }
  const startedAt = performance.now()
  try {
    const built = await loadDemo(deps, { seed }, { ip: 'cli', userAgent: 'warta-cli' })
    const seconds = ((io.elapsed ?? ((start) => performance.now() - start))(startedAt) / 1000).toFixed(1)
    io.out(demoSummary(built, seconds, io.locale ?? cliLocale()))
    io.out(line(io, 'cli.demo_logins'))
    const labels = ROLE_LABELS[io.locale ?? cliLocale()]
    for (const login of built.logins)
      io.out(
        `  ${login.email.padEnd(32)} ${login.password}  ${labels[login.role]}, ${login.unitName}` +
          `${login.trainingMode ? ' (Mode Latihan)' : ''}\n`,
      )
    return 0
  } catch (error) {
    if (isAppError(error) && error.key === 'demo.deployment_not_empty') {
      io.err(line(io, 'cli.demo_refused'))
      return 1
    }
    throw error
  }
}

export async function run(args: string[]): Promise<number> {
  const io: DemoCommandIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }
  const database = await openCliDatabase('demo')
  if (!database) return 1
  try {
    const context = await createContext(loadConfig(), { database, logger: pino({ level: 'silent' }) })
    return await runDemoCommand(context, args, io)
  } finally {
    await database.close()
  }
}
