// What the sign-in page reads from the API.

export interface LoginOptions {
  oidc: { label: string } | null
}
