// Mantine's packages are released together and read each other's internals (styles, context, the store), so the
// web app pins every @mantine/* dependency to one exact version (issue #6, section 2). A caret or tilde, or two
// versions side by side in the lockfile, would let an install mix releases; this test says so before a build does.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

interface PackageJson {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

interface PackageLock {
  packages: Record<string, { version?: string }>
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as PackageLock

const declared = Object.entries({
  ...manifest.dependencies,
  ...manifest.devDependencies,
  ...manifest.peerDependencies,
  ...manifest.optionalDependencies,
}).filter(([name]) => name.startsWith('@mantine/'))

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/

describe('the Mantine pin', () => {
  it('declares the web app’s Mantine packages', () => {
    expect(declared.map(([name]) => name)).toContain('@mantine/core')
  })

  it('pins every @mantine/* dependency in package.json to one exact version, without ^ or ~', () => {
    const notExact = declared.filter(([, range]) => !EXACT_VERSION.test(range))
    expect(notExact, 'ranges that are not one exact version').toEqual([])
    expect(new Set(declared.map(([, range]) => range)).size, JSON.stringify(declared)).toBe(1)
  })

  it('resolves every @mantine/* package in package-lock.json, nested copies included, to that version', () => {
    const pinned = declared[0]?.[1]
    // Every installed copy, the transitive ones (@mantine/store) and any nested under another package.
    const installed = Object.entries(lock.packages)
      .filter(([location]) => /(?:^|\/)node_modules\/@mantine\/[^/]+$/.test(location))
      .map(([location, entry]) => [location, entry.version] as const)
    for (const [name] of declared)
      expect(installed.map(([location]) => location)).toContain(`node_modules/${name}`)
    expect(installed.filter(([, version]) => version !== pinned)).toEqual([])
    // The root entry the lockfile keeps of package.json agrees too (a hand edit of one file only shows here).
    const rootEntry = lock.packages[''] as PackageJson | undefined
    const lockedRanges = Object.entries({ ...rootEntry?.dependencies, ...rootEntry?.devDependencies }).filter(
      ([name]) => name.startsWith('@mantine/'),
    )
    expect(Object.fromEntries(lockedRanges)).toEqual(Object.fromEntries(declared))
  })
})
