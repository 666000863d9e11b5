import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WEB_BUILD_STAMP, ensureWebBuild, webBuildIsCurrent, webSourcesFingerprint } from './web-sources.ts'

const roots: string[] = []

/** A checkout with a web app of two files, the shared vocabulary, and optionally a build. */
function checkout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'warta-web-sources-'))
  roots.push(root)
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  write('web/src/main.tsx', 'render()')
  write('web/src/pages/home.tsx', 'export const Home = 1')
  write('src/shared/roles.ts', "export const ROLES = ['admin']")
  write('web/index.html', '<div id="root"></div>')
  write('package-lock.json', '{}')
  return root
}

function build(root: string): void {
  mkdirSync(path.join(root, 'web', 'dist'), { recursive: true })
  writeFileSync(path.join(root, 'web', 'dist', 'index.html'), '<built>')
  writeFileSync(path.join(root, WEB_BUILD_STAMP), `${webSourcesFingerprint(root)}\n`)
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('webSourcesFingerprint', () => {
  it('changes when a web file, a shared file or the locked dependencies change', () => {
    const root = checkout()
    const before = webSourcesFingerprint(root)
    for (const file of ['web/src/pages/home.tsx', 'src/shared/roles.ts', 'package-lock.json']) {
      const previous = webSourcesFingerprint(root)
      writeFileSync(path.join(root, file), `changed ${file}`)
      expect(webSourcesFingerprint(root), file).not.toBe(previous)
    }
    expect(webSourcesFingerprint(root)).not.toBe(before)
  })

  it('does not change with the build itself or with files the build does not read', () => {
    const root = checkout()
    const before = webSourcesFingerprint(root)
    build(root)
    mkdirSync(path.join(root, 'src', 'features'), { recursive: true })
    writeFileSync(path.join(root, 'src', 'features', 'server-only.ts'), 'export {}')
    expect(webSourcesFingerprint(root)).toBe(before)
  })

  it('sees a file added or renamed, not only edited', () => {
    const root = checkout()
    const before = webSourcesFingerprint(root)
    writeFileSync(path.join(root, 'web', 'src', 'new-page.tsx'), 'export const Page = 1')
    expect(webSourcesFingerprint(root)).not.toBe(before)
  })

  it('is undefined where the checkout has no web sources', () => {
    const root = checkout()
    rmSync(path.join(root, 'web', 'src'), { recursive: true })
    expect(webSourcesFingerprint(root)).toBeUndefined()
  })
})

describe('webBuildIsCurrent', () => {
  it('is false without a build, true right after one, false once a web file changes', () => {
    const root = checkout()
    expect(webBuildIsCurrent(root)).toBe(false)
    build(root)
    expect(webBuildIsCurrent(root)).toBe(true)
    writeFileSync(path.join(root, 'web', 'src', 'main.tsx'), 'render(newer)')
    expect(webBuildIsCurrent(root)).toBe(false)
  })

  it('is false for a build without a fingerprint (made before builds left one)', () => {
    const root = checkout()
    build(root)
    rmSync(path.join(root, WEB_BUILD_STAMP))
    expect(webBuildIsCurrent(root)).toBe(false)
  })

  it('serves a build as it is where there are no sources to compare with', () => {
    const root = checkout()
    build(root)
    rmSync(path.join(root, 'web', 'src'), { recursive: true })
    expect(webBuildIsCurrent(root)).toBe(true)
  })
})

describe('ensureWebBuild', () => {
  /** A build that takes a moment and leaves what a real one leaves; records how it was called. */
  function fakeBuild(root: string, calls: boolean[]) {
    return async (rebuild: boolean) => {
      calls.push(rebuild)
      await new Promise((resolve) => setTimeout(resolve, 50))
      build(root)
      return true
    }
  }

  it('does nothing when the build is current', async () => {
    const root = checkout()
    build(root)
    const calls: boolean[] = []
    expect(await ensureWebBuild(root, fakeBuild(root, calls), 5)).toBe(true)
    expect(calls).toEqual([])
  })

  it('builds a fresh clone once, and rebuilds (saying so) after the web app changed', async () => {
    const root = checkout()
    const calls: boolean[] = []
    await ensureWebBuild(root, fakeBuild(root, calls), 5)
    writeFileSync(path.join(root, 'web', 'src', 'main.tsx'), 'render(after a git pull)')
    await ensureWebBuild(root, fakeBuild(root, calls), 5)
    expect(calls).toEqual([false, true])
    expect(webBuildIsCurrent(root)).toBe(true)
    expect(existsSync(path.join(root, 'web', '.build-lock'))).toBe(false)
  })

  it('builds once when several servers start at the same time; the others use that build', async () => {
    const root = checkout()
    const calls: boolean[] = []
    const results = await Promise.all(
      Array.from({ length: 5 }, () => ensureWebBuild(root, fakeBuild(root, calls), 5)),
    )
    expect(results).toEqual([true, true, true, true, true])
    expect(calls).toHaveLength(1)
  })

  it('takes over a lock left by a build that died', async () => {
    const root = checkout()
    const lock = path.join(root, 'web', '.build-lock')
    mkdirSync(lock)
    const longAgo = new Date(Date.now() - 10 * 60_000)
    utimesSync(lock, longAgo, longAgo)
    const calls: boolean[] = []
    expect(await ensureWebBuild(root, fakeBuild(root, calls), 5)).toBe(true)
    expect(calls).toHaveLength(1)
  })

  it('releases the lock when the build fails', async () => {
    const root = checkout()
    expect(await ensureWebBuild(root, () => Promise.resolve(false), 5)).toBe(false)
    expect(existsSync(path.join(root, 'web', '.build-lock'))).toBe(false)
  })
})
