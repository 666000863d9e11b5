// What the sign-in page reads from the API.

export interface LoginOptions {
  oidc: { label: string } | null
  /** Whether "Lupa kata sandi?" can mail a reset link (the server has a mail server). */
  passwordReset?: boolean
}

/** Why single sign-on sent the browser back to the sign-in page (`/login?sso_error=…`). */
export const SSO_ERRORS = [
  'invalid_state',
  'provider_error',
  'email_unverified',
  'unknown_user',
  'subject_mismatch',
  'locked',
] as const
