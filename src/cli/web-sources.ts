// Whether web/dist was built from the web sources in this checkout. Every build writes a fingerprint of what it was
// built from (web/vite.config.ts); `warta start` compares it with the sources now, so a `git pull` that changes
// the web app rebuilds it on the next start instead of serving yesterday's screens against today's API.
// Node built-ins only: the Vite config imports this file too.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

/** Where a build leaves its fingerprint, next to index.html. */
export const WEB_BUILD_STAMP = path.join('web', 'dist', 'build-stamp.txt')

/** What the web build reads: the app, the vocabulary it shares with the server, its config and the locked deps. */
const INPUTS = [
  path.join('web', 'src'),
  path.join('src', 'shared'),
  path.join('web', 'index.html'),
  path.join('web', 'vite.config.ts'),
  path.join('web', 'tsconfig.json'),
  'package-lock.json',
]

function filesUnder(projectRoot: string, relative: string): string[] {
  const full = path.join(projectRoot, relative)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [relative]
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)))
}

/** A hash of every input's path and content; undefined where the checkout has no web sources (a packaged build). */
export function webSourcesFingerprint(projectRoot: string): string | undefined {
  if (!existsSync(path.join(projectRoot, 'web', 'src'))) return undefined
  const hash = createHash('sha256')
  const files = INPUTS.flatMap((input) => filesUnder(projectRoot, input)).sort()
  for (const file of files) {
    hash.update(file.split(path.sep).join('/'))
    hash.update('\0')
    hash.update(readFileSync(path.join(projectRoot, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/**
 * Whether web/dist can be served as it is: it exists and its fingerprint matches the sources (or there are no
 * sources to compare with).
 */
export function webBuildIsCurrent(projectRoot: string): boolean {
  if (!existsSync(path.join(projectRoot, 'web', 'dist', 'index.html'))) return false
  const now = webSourcesFingerprint(projectRoot)
  if (now === undefined) return true
  const stamp = path.join(projectRoot, WEB_BUILD_STAMP)
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === now
}

// A lock older than this was left by a build that died (a build takes seconds).
const STALE_BUILD_LOCK_MS = 5 * 60_000

/**
 * Builds web/dist when it is missing (a fresh clone: it is not in git) or was built from other sources. One
 * process builds; others started beside it (the tests start several servers) wait for that build instead of
 * writing the same folder at once. `build` gets whether a build already exists (to say "rebuilding").
 */
export async function ensureWebBuild(
  projectRoot: string,
  build: (rebuild: boolean) => Promise<boolean>,
  waitMs = 250,
): Promise<boolean> {
  if (webBuildIsCurrent(projectRoot)) return true
  const lock = path.join(projectRoot, 'web', '.build-lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    if (age > STALE_BUILD_LOCK_MS) rmSync(lock, { recursive: true, force: true })
    else await new Promise((resolve) => setTimeout(resolve, waitMs))
  }
  try {
    // Another process may have built while this one waited.
    if (webBuildIsCurrent(projectRoot)) return true
    return await build(existsSync(path.join(projectRoot, 'web', 'dist', 'index.html')))
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
