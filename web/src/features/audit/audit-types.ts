// The audit API's answers, taken from the generated OpenAPI types so the page follows the server's schemas.
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

/** One entry as the list shows it: labels, the object's name and the changed fields in words. */
export type AuditEntry = components['schemas']['AuditEntry']
/** One changed field: its label and the value before and after as readable text (null: no value). */
export type AuditChange = AuditEntry['changes'][number]
export type AuditPage = JsonAnswer<paths['/api/audit']['get']>
/** One entry whole (never cut), with the chain fields an auditor checks by hand. */
export type AuditEntryDetail = JsonAnswer<paths['/api/audit/{id}']['get']>
export type AuditFilterChoices = JsonAnswer<paths['/api/audit/filters']['get']>
export type AuditActorChoice = AuditFilterChoices['actors'][number]
export type CheckpointPage = JsonAnswer<paths['/api/audit/checkpoints']['get']>
export type Checkpoint = CheckpointPage['items'][number]
export type CheckpointCreated = JsonAnswer<paths['/api/audit/checkpoints']['post']>
