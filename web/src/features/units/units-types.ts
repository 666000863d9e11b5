// A unit kerja as GET /api/units returns it, from the generated API types (web/src/api/openapi.d.ts).
import type { components } from '../../api/openapi.d.ts'

export type Unit = components['schemas']['Unit']
