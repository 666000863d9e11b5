// The naming answers, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type NamingPatternsView = JsonAnswer<paths['/api/naming/patterns']['get']>
/** Platform → what to look at in its saved pattern. */
export type NamingWarnings = NamingPatternsView['warnings']
export type NamingTest = NonNullable<JsonAnswer<paths['/api/naming/test']['get']>['result']>
