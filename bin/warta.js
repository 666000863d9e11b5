#!/usr/bin/env node
// The `warta` command. A fresh checkout needs no build step: on Node ≥ 24 the TypeScript sources run as they are
// (Node strips the types itself; tsconfig's erasableSyntaxOnly keeps the sources strippable), and Node's compile
// cache keeps the stripped and compiled code between runs, so a repeated start neither transpiles nor recompiles
// (`warta classify` starts in about a tenth of the time tsx took). tsx remains the fallback where Node cannot strip
// types (older Node, --no-experimental-strip-types, a copy inside node_modules), if only to say which Node is needed.
import nodeModule from 'node:module'

const major = Number(process.versions.node.split('.')[0])
const stripsTypes = Boolean(process.features.typescript) && !import.meta.dirname.includes('/node_modules/')
if (major < 24 || !stripsTypes) {
  const { register } = await import('tsx/esm/api')
  register()
}
if (major < 24) {
  // tsx runs on older Node too, so even this refusal comes from the catalogue, in the terminal's language.
  const { cliText } = await import('../src/cli/cli-text.ts')
  process.stderr.write(`${cliText('cli.node_too_old', { version: process.version })}\n`)
  process.exit(1)
}
// In the system's temporary folder unless NODE_COMPILE_CACHE names another; entries are keyed by content, so an
// edited source is simply compiled again.
nodeModule.enableCompileCache()
await import('../src/cli/main.ts')
