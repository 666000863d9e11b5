// Connecting an official account to its platform, and its health (features/connections/manage-connections.ts).
import { z } from 'zod'
import { CONNECTOR_ERROR_KINDS } from '../../../connectors/connector.ts'
import { TEXT_COUNTINGS } from '../../../shared/platform-rules.ts'
import { CONNECTION_STATES } from '../../../shared/statuses.ts'
import { renderedProblem } from '../shared-schemas.ts'

const capabilitiesView = z.object({
  maxTextLength: z.number(),
  textCounting: z.enum(TEXT_COUNTINGS),
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
    oauth: z
      .object({
        offered: z.boolean(),
        unavailableReason: z
          .enum(['not_oauth', 'not_configured'])
          .nullable()
          .describe(
            'Why not: the platform has no OAuth flow in Warta, or this deployment has no app registered (WARTA_OAUTH_<PLATFORM>_CLIENT_ID)',
          ),
      })
      .describe("Connecting through the platform's OAuth"),
    tokenExpiresAt: z
      .string()
      .nullable()
      .describe("An OAuth connection's access token expiry (refreshed before)"),
    refreshExpiresAt: z
      .string()
      .nullable()
      .describe('When the refresh token itself ends, when the platform says'),
    reconnectBy: z.string().nullable().describe('When the account must be reconnected at the latest'),
    grantedScopes: z.array(z.string()).nullable(),
    missingFeatures: z
      .array(z.enum(['publish', 'read', 'reply', 'moderate', 'metrics', 'direct_messages']))
      .describe('What Warta cannot do on this account because the platform granted fewer scopes'),
    publishingQuota: z
      .object({
        used: z.number().int(),
        total: z.number().int(),
        windowSeconds: z
          .number()
          .int()
          .describe('The moving window the platform counts in (86400: 24 hours)'),
        checkedAt: z.string().describe('When the platform was last asked'),
      })
      .nullable()
      .describe(
        "The publishing quota the platform reports for this account (Instagram's content_publishing_limit); null when it reports none",
      ),
    dailyUnits: z
      .object({
        used: z.number().int(),
        total: z.number().int(),
        resetsAt: z.string().describe('When the quota day ends (midnight Pacific time for YouTube)'),
      })
      .nullable()
      .describe(
        "A metered daily quota Warta counts (YouTube's units): the whole deployment's use today, shared by every account of the platform; null for other platforms",
      ),
    inbox: z
      .object({
        lastPolledAt: z.string().nullable(),
        lastSuccessAt: z.string().nullable(),
        behindSince: z
          .string()
          .nullable()
          .describe(
            'Since when the inbox is behind this account (polls failing or none succeeding); null while it keeps up',
          ),
        failures: z.number().int().describe('Polls failed in a row'),
        lastError: z.string().nullable(),
        backfilledAt: z
          .string()
          .nullable()
          .describe('When the first read of the account (backfill on connect) finished'),
      })
      .nullable()
      .describe(
        'How the inbox keeps up with the account; null for a platform whose comments Warta does not read',
      ),
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
