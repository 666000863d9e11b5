// What the profile page reads from /api/me/*, from the generated API types (web/src/api/openapi.d.ts). A token's
// grants are the server's ApiToken grants (role and unit id: the list does not join unit names), not a third shape.
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer, JsonBody } from '../../api/openapi-shapes.ts'

export type SessionRow = components['schemas']['Session']
export type TokenRow = components['schemas']['ApiToken']
export type CreatedToken = JsonAnswer<paths['/api/me/tokens']['post']>
export type TwoFactorStatus = JsonAnswer<paths['/api/me/two-factor']['get']>
export type NewTokenBody = JsonBody<paths['/api/me/tokens']['post']>
