// What the 2FA enrolment reads from the API, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type Enrolment = JsonAnswer<paths['/api/me/two-factor/enrol']['post']>
export type RecoveryCodesAnswer = JsonAnswer<paths['/api/me/two-factor/confirm']['post']>
