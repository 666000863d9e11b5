#!/usr/bin/env node
// The `warta` command. Runs the TypeScript sources through tsx so a fresh checkout needs no build step.
import { register } from 'tsx/esm/api'

register()
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  // tsx runs on older Node too, so even this refusal comes from the catalogue, in the terminal's language.
  const { cliText } = await import('../src/cli/cli-text.ts')
  process.stderr.write(`${cliText('cli.node_too_old', { version: process.version })}\n`)
  process.exit(1)
}
await import('../src/cli/main.ts')
