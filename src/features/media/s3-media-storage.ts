// Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, a government cloud's object storage) when WARTA_S3_BUCKET
// is set. Path-style addressing is the default because most self-hosted servers need it.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { MediaStorageConfig } from '../../config.ts'
import type { MediaStorage } from './media-storage.ts'

export type S3StorageConfig = Extract<MediaStorageConfig, { kind: 's3' }>

export function createS3MediaStorage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
  })
  return {
    kind: 's3',
    async put(key, bytes, mimeType) {
      await client.send(
        new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: bytes, ContentType: mimeType }),
      )
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }))
        return answer.Body ? await answer.Body.transformToByteArray() : undefined
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined
        throw error
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }))
    },
  }
}
