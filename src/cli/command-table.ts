// Every `warta` sub-command, with a one-line summary for `warta help` (a catalogue key: cli-messages.ts). A command
// module exports `run(args): Promise<number>` (the exit code).
import type { TerminalMessageKey } from '../shared/messages/terminal-catalogue.ts'

export interface CliCommand {
  run(args: string[]): Promise<number>
}

interface CommandEntry {
  summary: TerminalMessageKey
  load(): Promise<CliCommand>
}

export const commandTable: Record<string, CommandEntry> = {
  start: {
    summary: 'cli.help_start',
    load: () => import('./commands/start.ts'),
  },
  api: {
    summary: 'cli.help_api',
    load: () => import('./commands/api.ts'),
  },
  worker: {
    summary: 'cli.help_worker',
    load: () => import('./commands/worker.ts'),
  },
  migrate: { summary: 'cli.help_migrate', load: () => import('./commands/migrate.ts') },
  user: {
    summary: 'cli.help_user',
    load: () => import('./commands/user.ts'),
  },
  audit: {
    summary: 'cli.help_audit',
    load: () => import('./commands/audit.ts'),
  },
  backup: {
    summary: 'cli.help_backup',
    load: () => import('./commands/backup.ts'),
  },
  restore: {
    summary: 'cli.help_restore',
    load: () => import('./commands/restore.ts'),
  },
  classify: {
    summary: 'cli.help_classify',
    load: () => import('./commands/classify.ts'),
  },
  check: {
    summary: 'cli.help_check',
    load: () => import('./commands/check.ts'),
  },
  hoax: {
    summary: 'cli.help_hoax',
    load: () => import('./commands/hoax.ts'),
  },
  nlp: {
    summary: 'cli.help_nlp',
    load: () => import('./commands/nlp.ts'),
  },
  keys: {
    summary: 'cli.help_keys',
    load: () => import('./commands/keys.ts'),
  },
  demo: {
    summary: 'cli.help_demo',
    load: () => import('./commands/demo.ts'),
  },
}
