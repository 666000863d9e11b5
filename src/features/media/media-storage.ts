// Where uploaded media bytes live, behind one small interface: a folder under the data directory by default, or
// an S3-compatible bucket when WARTA_S3_BUCKET is configured. Keys are opaque paths chosen by Warta
// (<instansi>/<media id>[.thumb]), never a name from the upload.
import type { Config } from '../../config.ts'
import { createLocalMediaStorage } from './local-media-storage.ts'
import { createS3MediaStorage } from './s3-media-storage.ts'

export interface MediaStorage {
  readonly kind: 'local' | 's3'
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | undefined>
  delete(key: string): Promise<void>
}

export function createMediaStorage(config: Config): MediaStorage {
  return config.mediaStorage.kind === 's3'
    ? createS3MediaStorage(config.mediaStorage)
    : createLocalMediaStorage(config.mediaStorage.dir)
}
