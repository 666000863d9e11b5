// What the sign-in page reads from the API, from the generated API types (web/src/api/openapi.d.ts); why single
// sign-on sent the browser back (`/login?sso_error=…`) is the server's own list, in src/shared.
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type LoginOptions = JsonAnswer<paths['/api/auth/options']['get']>
export { SSO_FAILURES as SSO_ERRORS, type SsoFailure } from '../../../../src/shared/sso-failures.ts'
