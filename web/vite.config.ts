import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { WEB_BUILD_STAMP, webSourcesFingerprint } from '../src/cli/web-sources.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy of every built script, stylesheet and page once at build time,
 * so the server sends compressed files without compressing on each request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: 'warta-precompress',
    apply: 'build',
    closeBundle() {
      const dist = path.join(root, 'dist')
      const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
        /\.(?:js|css|html|svg|json)$/.test(f),
      )
      for (const file of files) {
        const full = path.join(dist, file)
        const bytes = readFileSync(full)
        if (bytes.length < 1024) continue
        writeFileSync(`${full}.gz`, gzipSync(bytes, { level: 9 }))
        writeFileSync(
          `${full}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        )
      }
    },
  }
}

/** Leaves the fingerprint of the sources this build read, so `warta start` knows when to build again. */
function buildStamp(): Plugin {
  const projectRoot = path.join(root, '..')
  // Taken before the build reads anything: a file saved during the build makes the next start build again.
  let fingerprint: string | undefined
  return {
    name: 'warta-build-stamp',
    apply: 'build',
    buildStart() {
      fingerprint = webSourcesFingerprint(projectRoot)
    },
    closeBundle() {
      writeFileSync(path.join(projectRoot, WEB_BUILD_STAMP), `${fingerprint ?? ''}\n`)
    },
  }
}

export default defineConfig({
  root,
  plugins: [react(), precompress(), buildStamp()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  // The web component tests (vitest project `web`) need Mantine's browser stubs first.
  test: { setupFiles: ['./src/test-support/jsdom-setup.ts'] },
})
