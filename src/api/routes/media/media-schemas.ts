// Media uploads: the raw file as the request body, and what was stored.
import { z } from 'zod'

export const uploadQuery = z.object({
  name: z.string().max(300).optional().describe("The file's name, for people"),
})
export const mediaView = z
  .object({
    id: z.string(),
    kind: z.enum(['image', 'video']),
    mimeType: z.string().describe('Read from the content'),
    sizeBytes: z.number(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    sha256: z.string(),
    url: z.string(),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: 'Media' })
export const mediaFile = {
  description: 'The file (its type as read from its content)',
  content: { 'application/octet-stream': { schema: z.string() } },
}
