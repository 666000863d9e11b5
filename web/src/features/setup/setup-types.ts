// What the first-run wizard sends to POST /api/setup, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonBody } from '../../api/openapi-shapes.ts'

export type SetupBody = JsonBody<paths['/api/setup']['post']>
