// The audit API's answers, taken from the generated OpenAPI types so the page follows the server's schemas.
import type { components, paths } from '../../api/openapi.d.ts'

type Answer<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

/** One entry as the list shows it: labels, the object's name and the changed fields in words. */
export type AuditEntry = components['schemas']['AuditEntry']
/** One changed field: its label and the value before and after as readable text (null: no value). */
export type AuditChange = AuditEntry['changes'][number]
export type AuditPage = Answer<'/api/audit', 'get'>
/** One entry whole (never cut), with the chain fields an auditor checks by hand. */
export type AuditEntryDetail = Answer<'/api/audit/{id}', 'get'>
export type AuditFilterChoices = Answer<'/api/audit/filters', 'get'>
export type AuditActorChoice = AuditFilterChoices['actors'][number]
export type CheckpointPage = Answer<'/api/audit/checkpoints', 'get'>
export type Checkpoint = CheckpointPage['items'][number]
export type CheckpointCreated = Answer<'/api/audit/checkpoints', 'post'>
