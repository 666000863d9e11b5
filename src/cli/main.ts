// The `warta` command line. Each sub-command lives in its own module, imported only when it is run, so that
// `warta classify` does not pay for loading the web server.
import { existsSync } from 'node:fs'
import { exitQuietlyOnBrokenPipe } from './broken-pipe.ts'
import { cliText } from './cli-text.ts'
import { commandTable } from './command-table.ts'

// A `.env` in the working folder is read before the configuration is, so `npm start` honours it without extra
// flags; variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env')
exitQuietlyOnBrokenPipe()

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp()
    return name ? 0 : 1
  }
  const entry = commandTable[name]
  if (!entry) {
    process.stderr.write(`${cliText('cli.unknown_command', { name })}\n`)
    return 2
  }
  const command = await entry.load()
  return command.run(rest)
}

function printHelp(): void {
  const lines = Object.entries(commandTable).map(
    ([name, entry]) => `  ${name.padEnd(12)} ${cliText(entry.summary)}`,
  )
  process.stdout.write(`${cliText('cli.usage')}\n${lines.join('\n')}\n`)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`${cliText('cli.failed', { message })}\n`)
    process.exitCode = 1
  },
)
