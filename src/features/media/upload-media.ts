// Media upload: the type is read from the file's content (file-type), never from its name or the request's
// header, so an HTML page named foto.jpg is refused; each kind has its size limit; images get a thumbnail
// (sharp, WebP 320 px) and their dimensions. Videos are kept as they are (no thumbnail without a video decoder).
import { createHash, randomUUID } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getMedia, insertMedia, type MediaRow } from '../../db/media-repository.ts'
import { PERMISSIONS, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import type { MediaStorage } from './media-storage.ts'

export interface MediaDeps {
  db: Db
  clock: Clock
  storage: MediaStorage
}

export const MEDIA_TYPES: Readonly<Record<string, 'image' | 'video'>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'video/mp4': 'video',
}

/** Bytes per kind: images as the platforms take them (X 5 MB, others more), video as a short clip. */
export const MEDIA_SIZE_LIMITS = { image: 10 * 1024 * 1024, video: 100 * 1024 * 1024 } as const
export const MEDIA_MAX_BYTES = MEDIA_SIZE_LIMITS.video
const THUMBNAIL_WIDTH = 320

export interface MediaUploadView {
  id: string
  kind: 'image' | 'video'
  mimeType: string
  sizeBytes: number
  width: number | null
  height: number | null
  sha256: string
  url: string
  thumbnailUrl: string | null
}

function toView(row: MediaRow): MediaUploadView {
  return {
    id: row.id,
    kind: row.kind as 'image' | 'video',
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    url: `/api/media/${row.id}`,
    thumbnailUrl: row.thumbnailKey ? `/api/media/${row.id}/thumbnail` : null,
  }
}

function mayUseMedia(actor: Actor, action: 'post.create' | 'post.read'): boolean {
  return actor.grants.some((grant) => PERMISSIONS[grant.role].has(action))
}

export async function uploadMedia(
  deps: MediaDeps,
  actor: Actor,
  file: { bytes: Uint8Array; originalName: string | null },
  meta: ChangeMeta,
): Promise<MediaUploadView> {
  if (!mayUseMedia(actor, 'post.create'))
    throw new AppError('forbidden', 'common.forbidden_action', { action: 'post.create' })
  if (file.bytes.byteLength === 0)
    throw new AppError('invalid_input', 'media.empty', {}, { file: { key: 'media.empty' } })
  const detected = await fileTypeFromBuffer(file.bytes)
  const kind = detected ? MEDIA_TYPES[detected.mime] : undefined
  if (!detected || !kind) {
    const read = detected?.mime ?? 'text/unknown'
    throw new AppError(
      'invalid_input',
      'media.type_refused',
      { detected: read },
      {
        file: { key: 'media.type_refused', params: { detected: read } },
      },
    )
  }
  const limit = MEDIA_SIZE_LIMITS[kind]
  if (file.bytes.byteLength > limit) {
    const params = { kind, limit: String(limit / 1024 / 1024) }
    throw new AppError('payload_too_large', 'media.too_large', params, {
      file: { key: 'media.too_large', params },
    })
  }

  const id = randomUUID()
  const storageKey = `${actor.instansiId}/${id}`
  let width: number | null = null
  let height: number | null = null
  let thumbnail: Uint8Array | null = null
  if (kind === 'image') {
    try {
      const image = sharp(file.bytes, { animated: false })
      const metadata = await image.metadata()
      width = metadata.width ?? null
      height = metadata.height ?? null
      thumbnail = new Uint8Array(
        await sharp(file.bytes, { animated: false })
          .rotate()
          .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
          .webp({ quality: 75 })
          .toBuffer(),
      )
    } catch {
      // The header said image but the body does not decode: refuse it rather than store what cannot be shown.
      throw new AppError(
        'invalid_input',
        'media.image_unreadable',
        {},
        { file: { key: 'media.image_unreadable' } },
      )
    }
  }
  await deps.storage.put(storageKey, file.bytes, detected.mime)
  const thumbnailKey = thumbnail ? `${storageKey}.thumb` : null
  if (thumbnail && thumbnailKey) await deps.storage.put(thumbnailKey, thumbnail, 'image/webp')

  const now = deps.clock.now()
  const row = {
    id,
    instansiId: actor.instansiId,
    uploadedBy: actor.userId,
    storageKey,
    thumbnailKey,
    mimeType: detected.mime,
    kind,
    sizeBytes: file.bytes.byteLength,
    width,
    height,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    originalName: file.originalName?.slice(0, 300) ?? null,
    createdAt: now,
  }
  await deps.db.transaction(async (tx) => {
    await insertMedia(tx, row)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'media.upload',
        objectType: 'media',
        objectId: id,
        after: {
          mimeType: row.mimeType,
          sizeBytes: row.sizeBytes,
          sha256: row.sha256,
          originalName: row.originalName,
        },
      },
      now,
    )
  })
  return toView(row)
}

/** The bytes of a media file (or its thumbnail) for a signed-in user of the same instansi who works with posts. */
export async function readMedia(
  deps: MediaDeps,
  actor: Actor,
  id: string,
  variant: 'original' | 'thumbnail',
): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const row = await getMedia(deps.db, actor.instansiId, id)
  if (!row || !(mayUseMedia(actor, 'post.read') || mayUseMedia(actor, 'post.create')))
    throw new AppError('not_found', 'media.not_found')
  const key = variant === 'thumbnail' ? row.thumbnailKey : row.storageKey
  const bytes = key ? await deps.storage.get(key) : undefined
  if (!bytes) throw new AppError('not_found', 'media.not_found')
  return { bytes, mimeType: variant === 'thumbnail' ? 'image/webp' : row.mimeType }
}
