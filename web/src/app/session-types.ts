// Who is signed in, as `GET /api/auth/me` answers (and `PATCH /api/me`, which returns the same object): the
// shapes come from the generated API types (web/src/api/openapi.d.ts), never restated here.
import type { components, paths } from '../api/openapi.d.ts'

export type Me = components['schemas']['Me']
export type Grant = components['schemas']['Grant']
export type Action = Me['allowedActions'][number]
export type SetupStatus = paths['/api/setup']['get']['responses'][200]['content']['application/json']
