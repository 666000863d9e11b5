// Every `warta` sub-command, with a one-line summary for `warta help`. A command module exports
// `run(args): Promise<number>` (the exit code).
export interface CliCommand {
  run(args: string[]): Promise<number>
}

interface CommandEntry {
  summary: string
  load(): Promise<CliCommand>
}

export const commandTable: Record<string, CommandEntry> = {
  start: {
    summary: 'API, workers and web app in one process (embedded database by default)',
    load: () => import('./commands/start.ts'),
  },
  api: {
    summary: 'the HTTP API and web app only (production: needs DATABASE_URL)',
    load: () => import('./commands/api.ts'),
  },
  worker: {
    summary: 'background jobs only (production: needs DATABASE_URL)',
    load: () => import('./commands/worker.ts'),
  },
  migrate: { summary: 'apply database migrations and exit', load: () => import('./commands/migrate.ts') },
  user: {
    summary: 'user administration: warta user create --instansi SLUG --email E --name N --role R --unit CODE',
    load: () => import('./commands/user.ts'),
  },
  audit: {
    summary:
      'audit log: warta audit verify [--instansi SLUG] [--checkpoint FILE --fingerprint HEX] | checkpoint | key',
    load: () => import('./commands/audit.ts'),
  },
  backup: {
    summary:
      'write a backup of the whole database: warta backup FILE|- (- is stdout; stop npm start first on the embedded database)',
    load: () => import('./commands/backup.ts'),
  },
  restore: {
    summary: 'restore a backup into an empty database, either engine: warta restore FILE|- (- is stdin)',
    load: () => import('./commands/restore.ts'),
  },
  classify: {
    summary: 'classify JSON Lines {id,text} from stdin (sentiment, abusive, hate speech, intent)',
    load: () => import('./commands/classify.ts'),
  },
  check: {
    summary: 'compliance check of JSON Lines {id,platform,text} from stdin [--claims FILE]',
    load: () => import('./commands/check.ts'),
  },
  hoax: {
    summary: 'hoax matcher: warta hoax match --claims FILE < texts.jsonl',
    load: () => import('./commands/hoax.ts'),
  },
  nlp: {
    summary: 'language models: warta nlp train | warta nlp eval',
    load: () => import('./commands/nlp.ts'),
  },
}
