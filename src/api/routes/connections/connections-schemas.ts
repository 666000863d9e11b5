// Connecting an official account to its platform, and its health (features/connections/manage-connections.ts).
import { z } from 'zod'
import { CONNECTOR_ERROR_KINDS } from '../../../connectors/connector.ts'
import { CONNECTION_STATES } from '../../../shared/statuses.ts'
import { renderedProblem } from '../shared-schemas.ts'

const capabilitiesView = z.object({
  maxTextLength: z.number(),
  textCounting: z.enum(['code_points', 'graphemes', 'x_weighted']),
  maxImages: z.number(),
  video: z.boolean(),
  altText: z.boolean(),
  readComments: z.boolean(),
  readMentions: z.boolean(),
  readDirectMessages: z.boolean(),
  reply: z.boolean(),
  hideReply: z.boolean(),
  deleteReply: z.boolean(),
  deleteOwnPost: z.boolean(),
  metrics: z.array(z.enum(['likes', 'shares', 'replies', 'quotes', 'views'])),
})

export const connectionView = z
  .object({
    accountId: z.string(),
    platform: z.string(),
    connectable: z.boolean().describe('Whether Warta has a connector for the platform'),
    needsCredentials: z.boolean().describe('false for the sandbox: connecting creates its simulated account'),
    state: z.enum(CONNECTION_STATES),
    platformAccountId: z.string().nullable(),
    platformHandle: z.string().nullable(),
    connectedAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z
      .object({
        kind: z.enum(CONNECTOR_ERROR_KINDS),
        message: z.string().describe("The platform's own words, for the log"),
        at: z.string(),
        explanation: renderedProblem.describe('What the kind means, in words'),
      })
      .nullable(),
    capabilities: capabilitiesView.nullable(),
  })
  .meta({ id: 'ConnectionHealth' })

export const connectBody = z
  .object({
    credentials: z
      .record(z.string().min(1).max(100), z.string().max(4000))
      .optional()
      .describe("The platform's credentials, checked by its connector (none for the sandbox)"),
  })
  .strict()
