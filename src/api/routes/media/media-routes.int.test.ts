import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import S3rver from 's3rver'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createContext } from '../../../context.ts'
import { buildApp } from '../../app.ts'
import { getTestContext, testConfig } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'

async function png(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer()
}

async function setup(overrides: Record<string, string> = {}) {
  const shared = await getTestContext()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'warta-media-'))
  const ctx = await createContext(testConfig({ WARTA_DATA_DIR: dataDir, ...overrides }), {
    database: shared.database,
    logger: pino({ level: 'silent' }),
  })
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
  const session = await loginAs(app, pengelola)
  return { ctx, app, owner, headers: session.headers, dataDir }
}

type Setup = Awaited<ReturnType<typeof setup>>

function upload(s: Setup, body: Buffer, contentType: string, name = 'foto.jpg') {
  return s.app.inject({
    method: 'POST',
    url: `/api/media?name=${encodeURIComponent(name)}`,
    headers: { ...s.headers, 'content-type': contentType },
    payload: body,
  })
}

type MediaAnswer = {
  id: string
  kind: string
  mimeType: string
  width: number
  url: string
  thumbnailUrl: string
}

async function expectStoredAndServed(s: Setup, image: Buffer) {
  const response = await upload(s, image, 'image/jpeg')
  expect(response.statusCode, response.body).toBe(200)
  const media = response.json<MediaAnswer>()
  // The type is the content's (PNG), not the header's or the name's (JPEG).
  expect(media).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 800 })
  const original = await s.app.inject({ method: 'GET', url: media.url, headers: s.headers })
  expect(original.statusCode).toBe(200)
  expect(original.headers['content-type']).toBe('image/png')
  expect(Buffer.compare(original.rawPayload, image)).toBe(0)
  const thumbnail = await s.app.inject({ method: 'GET', url: media.thumbnailUrl, headers: s.headers })
  expect(thumbnail.statusCode).toBe(200)
  expect((await sharp(thumbnail.rawPayload).metadata()).width).toBe(320)
  return media
}

describe('media routes', () => {
  it('stores an upload under the data folder by type read from its content, with a thumbnail', async () => {
    const s = await setup()
    const media = await expectStoredAndServed(s, await png())
    expect(s.ctx.config.mediaStorage).toEqual({ kind: 'local', dir: path.join(s.dataDir, 'media') })
    const other = await createTestInstansi(s.ctx.db)
    const stranger = await createTestUser(s.ctx.db, other, [{ unitId: other.rootUnit.id, role: 'pengelola' }])
    const strangerSession = await loginAs(s.app, stranger)
    const refused = await s.app.inject({ method: 'GET', url: media.url, headers: strangerSession.headers })
    expect(refused.statusCode).toBe(404)
    await rm(s.dataDir, { recursive: true, force: true })
  })

  it('refuses a .jpg that is really an HTML page', async () => {
    const s = await setup()
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    const response = await upload(s, html, 'image/jpeg', 'foto.jpg')
    expect(response.statusCode).toBe(400)
    expect(response.json<{ error: { key: string } }>().error.key).toBe('media.type_refused')
  })

  it('refuses an image larger than its size limit', async () => {
    const s = await setup()
    const header = await png(10, 10)
    const big = Buffer.concat([header, Buffer.alloc(11 * 1024 * 1024)])
    const response = await upload(s, big, 'image/png', 'besar.png')
    expect(response.statusCode).toBe(413)
    expect(response.json<{ error: { key: string } }>().error.key).toBe('media.too_large')
  })

  it('stores media in an S3-compatible bucket when one is configured', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'warta-s3rver-'))
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'warta-media' }],
    })
    const { port } = await server.run()
    try {
      const s = await setup({
        WARTA_S3_BUCKET: 'warta-media',
        WARTA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        WARTA_S3_ACCESS_KEY_ID: 'S3RVER',
        WARTA_S3_SECRET_ACCESS_KEY: 'S3RVER',
      })
      const media = await expectStoredAndServed(s, await png())
      // The bucket, not the data folder, holds the file.
      const { readdir } = await import('node:fs/promises')
      const bucketFiles = await readdir(path.join(directory, 'warta-media'), { recursive: true })
      expect(bucketFiles.some((file) => file.includes(media.id))).toBe(true)
      await rm(s.dataDir, { recursive: true, force: true })
    } finally {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    }
  })
})
