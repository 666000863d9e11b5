// What a variant asks the platform to publish: its text and its media, the media as MediaItems whose bytes are read
// from the configured media storage only when the connector needs them (the sandbox never does; Bluesky uploads
// them as blobs). The media refs are the variant's [{mediaId, altText}] in the order the author put them.
import { ConnectorError, type MediaItem, type PublishRequest } from '../../connectors/connector.ts'
import type { Db } from '../../db/client.ts'
import { getMediaByIds } from '../../db/media-repository.ts'
import type { PublishingVariantRow } from '../../db/post-variants-repository.ts'
import type { MediaStorage } from '../media/media-storage.ts'

export interface PublishRequestDeps {
  db: Db
  /** Where uploaded media live (config.mediaStorage); a variant with media cannot be published without it. */
  mediaStorage?: MediaStorage | undefined
}

/** A media file of the variant is gone (deleted, or storage not configured): the post cannot go out as written. */
function mediaMissing(detail: string): ConnectorError {
  return new ConnectorError('rejected', detail, { reason: { key: 'publishing.error.media_missing' } })
}

export async function publishRequestOf(
  deps: PublishRequestDeps,
  variant: Pick<PublishingVariantRow, 'id' | 'instansiId' | 'text' | 'media'>,
): Promise<PublishRequest> {
  const refs = variant.media
  if (refs.length === 0) return { idempotencyKey: variant.id, text: variant.text, media: [] }
  const storage = deps.mediaStorage
  if (!storage) throw mediaMissing('no media storage configured for the publishing engine')
  const rows = new Map(
    (
      await getMediaByIds(
        deps.db,
        variant.instansiId,
        refs.map((ref) => ref.mediaId),
      )
    ).map((row) => [row.id, row]),
  )
  const media = refs.map((ref): MediaItem => {
    const row = rows.get(ref.mediaId)
    if (!row) throw mediaMissing(`media ${ref.mediaId} no longer exists`)
    return {
      kind: row.kind === 'video' ? 'video' : 'image',
      mimeType: row.mimeType,
      byteLength: row.sizeBytes,
      altText: ref.altText,
      read: async () => {
        const bytes = await storage.get(row.storageKey)
        if (!bytes) throw mediaMissing(`media ${row.id} is missing from storage`)
        return bytes
      },
    }
  })
  return { idempotencyKey: variant.id, text: variant.text, media }
}
