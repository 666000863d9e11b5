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

export const oauthChoiceParams = z.object({ id: z.uuid(), choiceId: z.uuid() })

export const oauthChoiceOptionView = z
  .object({
    platformAccountId: z.string().describe("The account's id on the platform (a Facebook Page's id)"),
    name: z.string().nullable(),
    handle: z.string().nullable().describe("Its handle in the platform's addresses, when it has one"),
    category: z.string().nullable().describe('What the platform says it is (a Page category)'),
    url: z.string().nullable(),
    suggested: z.boolean().describe('The account registry names this one for the Warta account'),
    usedBy: z
      .object({ accountId: z.string(), handle: z.string() })
      .nullable()
      .describe(
        'Another Warta account of the instansi holds it: it cannot be chosen (one Page, one account)',
      ),
  })
  .meta({ id: 'OAuthChoiceOption' })

export const oauthChoiceView = z
  .object({
    choiceId: z.string(),
    accountId: z.string(),
    platform: z.string(),
    expiresAt: z
      .string()
      .describe('The choice must be made before this time (thirty minutes after the login)'),
    options: z.array(oauthChoiceOptionView),
  })
  .meta({ id: 'OAuthChoice' })

export const oauthChooseBody = z.strictObject({
  platformAccountId: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(200)
    .describe('The chosen account among the options (a Facebook Page id)'),
})
