// How a connect through a platform's OAuth page ended: the api's /oauth/callback sends the browser back to
// /accounts?connection=<id>&oauth=<outcome> (features/connections/oauth-connect.ts, OAuthOutcome).
export const OAUTH_OUTCOMES = [
  'connected',
  'denied',
  'state_invalid',
  'not_allowed',
  'not_configured',
  'refused',
  'unavailable',
  // A login that manages several Facebook Pages: choose one (&choice=<id>); none to post on; already another's.
  'choose_page',
  'no_page',
  'page_in_use',
] as const
export type OAuthOutcome = (typeof OAUTH_OUTCOMES)[number]

export function isOAuthOutcome(value: unknown): value is OAuthOutcome {
  return typeof value === 'string' && (OAUTH_OUTCOMES as readonly string[]).includes(value)
}
