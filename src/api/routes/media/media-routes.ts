// Media: upload a file as the raw request body (any content type; its type is read from the bytes), and read it
// or its thumbnail back as a signed-in user of the same instansi.
import type { AppContext } from '../../../context.ts'
import { createMediaStorage, type MediaStorage } from '../../../features/media/media-storage.ts'
import {
  MEDIA_MAX_BYTES,
  readMedia,
  uploadMedia,
  type MediaDeps,
} from '../../../features/media/upload-media.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import { mediaFile, mediaView, uploadQuery } from './media-schemas.ts'

export function registerMediaRoutes(app: ApiInstance, context: AppContext, storage?: MediaStorage): void {
  const deps: MediaDeps = {
    db: context.db,
    clock: context.clock,
    storage: storage ?? createMediaStorage(context.config),
  }

  // The upload's body is the file itself, whatever type the browser names: the feature reads the type from the
  // bytes. Scoped to this plugin so no other route accepts raw bodies.
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MEDIA_MAX_BYTES },
      (_request, body, done) => done(null, body),
    )
    scope.post(
      '/media',
      {
        bodyLimit: MEDIA_MAX_BYTES,
        schema: {
          tags: ['media'],
          summary:
            'Upload an image (JPEG, PNG, WebP, GIF; 10 MB) or an MP4 video (100 MB) as the raw body; ?name= the file name',
          querystring: uploadQuery,
          response: { 200: mediaView },
        },
      },
      async (request) =>
        uploadMedia(
          deps,
          requireActor(request),
          { bytes: new Uint8Array(request.body as Buffer), originalName: request.query.name ?? null },
          requestMeta(request),
        ),
    )
  })

  for (const [suffix, variant] of [
    ['', 'original'],
    ['/thumbnail', 'thumbnail'],
  ] as const) {
    app.get(
      `/media/:id${suffix}`,
      {
        schema: {
          tags: ['media'],
          summary: variant === 'original' ? 'A media file' : "A media file's thumbnail (WebP, 320 px wide)",
          params: idParams,
          response: { 200: mediaFile },
        },
      },
      async (request, reply) => {
        const file = await readMedia(deps, requireActor(request), request.params.id, variant)
        return reply
          .type(file.mimeType)
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.bytes) as unknown as string)
      },
    )
  }
}
