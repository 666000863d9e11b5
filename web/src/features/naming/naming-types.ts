// The naming answers, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type NamingPatternsView = Json<paths['/api/naming/patterns']['get']>
/** Platform → what to look at in its saved pattern. */
export type NamingWarnings = NamingPatternsView['warnings']
export type NamingTest = NonNullable<Json<paths['/api/naming/test']['get']>['result']>
