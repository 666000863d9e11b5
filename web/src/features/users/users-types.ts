// Users as GET /api/users returns them, from the generated API types (web/src/api/openapi.d.ts). A user's role
// grants are the one Grant of the web app (app/session-types.ts).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer, JsonBody } from '../../api/openapi-shapes.ts'

export type UserRow = components['schemas']['User']
export type CreatedUser = JsonAnswer<paths['/api/users']['post']>
export type NewUserBody = JsonBody<paths['/api/users']['post']>
/** A role to grant: the Grant's role and unit, as POST /api/users/{id}/grants takes them. */
export type NewGrantBody = JsonBody<paths['/api/users/{id}/grants']['post']>
export type PasswordResetAnswer = JsonAnswer<paths['/api/users/{id}/reset-password']['post']>
