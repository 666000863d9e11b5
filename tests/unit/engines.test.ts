// The Node the README asks for, package.json's `engines` and the installed packages must agree: on the oldest
// Node that `engines` admits, `npm install` prints no EBADENGINE warning. npm checks each package the same way
// (npm-install-checks: semver.satisfies(process.version, engines.node)), and its `node-version` setting, which
// could have pointed the check at the pinned Node 24, was removed in npm 9, so the promise itself must be true.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// semver is npm's own version logic; it ships no types, so only the two functions used are typed here.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean
}

const root = new URL('../../', import.meta.url)
const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, root), 'utf8'))

interface Manifest {
  engines: { node: string }
  devDependencies: Record<string, string>
}
interface LockedPackage {
  optional?: boolean
  engines?: { node?: string } | string[]
}

const manifest = readJson('package.json') as Manifest
const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage & Partial<Manifest>> }
const readme = readFileSync(new URL('README.md', root), 'utf8')
const oldestNode = semver.minVersion(manifest.engines.node)!.version

/** Installed packages whose `engines.node` rejects this Node; npm skips optional ones instead of warning. */
function rejectingPackages(nodeVersion: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.optional)
    .flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node
      return range && !semver.satisfies(nodeVersion, range, { includePrerelease: true })
        ? [`${path.replace(/^.*node_modules\//, '')} (${range})`]
        : []
    })
}

describe('the Node version Warta asks for', () => {
  it('lets npm install every locked package without an EBADENGINE warning on the oldest Node it admits', () => {
    expect(rejectingPackages(oldestNode)).toEqual([])
  })

  it('is what the README promises, word for word', () => {
    const promised = /Requirements: Node\.js (\d+(?:\.\d+){0,2}) or newer/.exec(readme)?.[1]
    expect(promised && semver.minVersion(promised)?.version).toBe(oldestNode)
  })

  it('is admitted by the pinned Node that runs every npm script', () => {
    const pinned = manifest.devDependencies.node!
    expect(semver.satisfies(pinned, manifest.engines.node)).toBe(true)
    expect(rejectingPackages(pinned)).toEqual([])
  })

  it('is written the same way in package.json and in the lockfile', () => {
    expect(lock.packages['']?.engines).toEqual(manifest.engines)
  })
})
