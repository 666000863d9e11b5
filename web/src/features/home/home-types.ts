// The home page's "what needs attention" as the API answers it (types generated from the OpenAPI document).
import type { paths } from '../../api/openapi.d.ts'

type Answer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

export type Attention = Answer<paths['/api/home/attention']['get']>
export type ChecklistEntry = NonNullable<Attention['checklist']>[number]
export type AttentionList = Answer<paths['/api/home/attention/{item}']['get']>
export type AttentionEntry = AttentionList['items'][number]
export type AttentionSettings = Answer<paths['/api/home/attention/settings']['put']>
