// Connecting an account through its platform's OAuth (features/connections/oauth-connect.ts).
import { z } from 'zod'

export const oauthStartView = z
  .object({
    authorizationUrl: z.string().describe("The platform's authorization page: send the browser there"),
    expiresAt: z.string().describe('The connect must finish before this time (ten minutes)'),
  })
  .meta({ id: 'OAuthStart' })

export const oauthCallbackQuery = z
  .object({
    code: z.string().max(8000).optional(),
    state: z.string().max(8000).optional(),
    error: z.string().max(500).optional(),
  })
  .loose()

/** A redirect: no body, the Location header says where. */
export const oauthRedirect = z.undefined().describe('Redirect to the account page (see the Location header)')
