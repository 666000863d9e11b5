// The built web app as the server sends it (no browser needed): compressed copies written at build time go to
// browsers that accept them, the hashed files under /assets/ are cached for a year, and the first page stays within
// its download budget.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/app.ts'
import type { AppContext } from '../../src/context.ts'
import { createE2eContext } from '../support/e2e-server.ts'

const WEB_DIST = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
let context: AppContext
let app: FastifyInstance
let entry: string

beforeAll(async () => {
  entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(WEB_DIST, 'utf8'))![1]!
  context = await createE2eContext()
  app = await buildApp(context, { serveWeb: true })
})
afterAll(async () => {
  await app?.close()
  await context?.close()
})

describe('the built web app', () => {
  it('sends the entry script compressed with Brotli or gzip, whichever the browser accepts, cached for a year', async () => {
    const plain = await app.inject({ url: entry })
    const br = await app.inject({ url: entry, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    const gz = await app.inject({ url: entry, headers: { 'accept-encoding': 'gzip' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(br.headers['content-encoding']).toBe('br')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('keeps what the first page downloads within 350 kB gzip (issue #6; npm run bench:web-bundle prints it)', () => {
    const dist = path.dirname(WEB_DIST)
    const html = readFileSync(WEB_DIST, 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
    const bytes = assets.reduce(
      (sum, asset) => sum + gzipSync(readFileSync(path.join(dist, asset))).length,
      0,
    )
    expect(assets.length).toBeGreaterThan(1)
    expect(bytes / 1024).toBeLessThanOrEqual(350)
  })

  it('does not cache the page that names the hashed files', async () => {
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } })
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).not.toContain('immutable')
  })
})
