// The `warta` command line. Each sub-command lives in its own module, imported only when it is run, so that
// `warta classify` does not pay for loading the web server.
import { existsSync } from 'node:fs'
import { commandTable } from './command-table.ts'

// A `.env` in the working folder is read before the configuration is, so `npm start` honours it without extra
// flags; variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env')

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp()
    return name ? 0 : 1
  }
  const entry = commandTable[name]
  if (!entry) {
    process.stderr.write(`warta: unknown command '${name}'. Run 'warta help' for the list of commands.\n`)
    return 2
  }
  const command = await entry.load()
  return command.run(rest)
}

function printHelp(): void {
  const lines = Object.entries(commandTable).map(([name, entry]) => `  ${name.padEnd(12)} ${entry.summary}`)
  process.stdout.write(`Usage: warta <command> [options]\n\nCommands:\n${lines.join('\n')}\n`)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`warta: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
