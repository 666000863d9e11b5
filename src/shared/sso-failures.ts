// Why single sign-on sent the browser back to the sign-in page (`/login?sso_error=…`): the server's reasons, which
// the web app names in both languages. A leaf module: it imports nothing.

export const SSO_FAILURES = [
  'invalid_state',
  'provider_error',
  'email_unverified',
  'unknown_user',
  'subject_mismatch',
  'locked',
] as const
export type SsoFailure = (typeof SSO_FAILURES)[number]
