import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../config.ts'
import { createMediaStorage } from './media-storage.ts'

describe('media storage', () => {
  it('keeps media under the data folder unless a bucket is configured', () => {
    const config = parseConfig({ WARTA_DATA_DIR: '/srv/warta' })
    expect(config.mediaStorage).toEqual({ kind: 'local', dir: path.resolve('/srv/warta/media') })
    expect(createMediaStorage(config).kind).toBe('local')
  })

  it('uses an S3-compatible bucket when WARTA_S3_BUCKET is set, path-style by default', () => {
    const config = parseConfig({
      WARTA_S3_BUCKET: 'humas-media',
      WARTA_S3_ENDPOINT: 'http://127.0.0.1:9000',
      WARTA_S3_ACCESS_KEY_ID: 'warta',
      WARTA_S3_SECRET_ACCESS_KEY: 'rahasia-panjang',
    })
    expect(config.mediaStorage).toMatchObject({ kind: 's3', bucket: 'humas-media', forcePathStyle: true })
    expect(createMediaStorage(config).kind).toBe('s3')
  })

  it('refuses one S3 key without the other', () => {
    expect(() => parseConfig({ WARTA_S3_BUCKET: 'b', WARTA_S3_ACCESS_KEY_ID: 'warta' })).toThrow(ConfigError)
  })
})
