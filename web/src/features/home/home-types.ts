// The home page's "what needs attention" as the API answers it (types generated from the OpenAPI document).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type Attention = JsonAnswer<paths['/api/home/attention']['get']>
export type ChecklistEntry = NonNullable<Attention['checklist']>[number]
export type AttentionList = JsonAnswer<paths['/api/home/attention/{item}']['get']>
export type AttentionEntry = AttentionList['items'][number]
export type AttentionSettings = JsonAnswer<paths['/api/home/attention/settings']['put']>
