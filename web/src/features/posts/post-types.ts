// The shapes of the drafts API, from the generated API types (web/src/api/openapi.d.ts).
import type { components, paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type Post = components['schemas']['Post']
export type PostVariant = Post['variants'][number]
export type PostList = Json<paths['/api/posts']['get']>
export type PostTargets = Json<paths['/api/posts/targets']['get']>
export type PostTarget = PostTargets['items'][number]
export type PostCheck = Json<paths['/api/posts/check']['post']>
export type Finding = PostCheck['base'][number]
export type CheckBody = NonNullable<
  paths['/api/posts/check']['post']['requestBody']
>['content']['application/json']
export type DraftBody = NonNullable<paths['/api/posts']['post']['requestBody']>['content']['application/json']
export type UploadedMedia = components['schemas']['Media']
export type Publications = Json<paths['/api/posts/{id}/publications']['get']>
export type Publication = Publications['items'][number]
export type PublicationMetrics = NonNullable<Publication['metrics']>
