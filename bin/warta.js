#!/usr/bin/env node
// The `warta` command. Runs the TypeScript sources through tsx so a fresh checkout needs no build step.
import { register } from 'tsx/esm/api'

const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  process.stderr.write(
    `Warta needs Node.js 24 or newer (this is ${process.version}). Run it through npm (npm start, npx warta), ` +
      'which uses the Node 24 pinned in devDependencies, or install Node 24.\n',
  )
  process.exit(1)
}
register()
await import('../src/cli/main.ts')
