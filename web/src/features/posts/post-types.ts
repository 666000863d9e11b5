// The shapes of the drafts API, from the generated API types (web/src/api/openapi.d.ts).
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type Post = components['schemas']['Post']
export type PostVariant = Post['variants'][number]
export type PostList = JsonAnswer<paths['/api/posts']['get']>
export type PostTargets = JsonAnswer<paths['/api/posts/targets']['get']>
export type PostTarget = PostTargets['items'][number]
export type PostCheck = JsonAnswer<paths['/api/posts/check']['post']>
export type Finding = PostCheck['base'][number]
export type CheckBody = NonNullable<
  paths['/api/posts/check']['post']['requestBody']
>['content']['application/json']
export type DraftBody = NonNullable<paths['/api/posts']['post']['requestBody']>['content']['application/json']
export type UploadedMedia = components['schemas']['Media']
export type Publications = JsonAnswer<paths['/api/posts/{id}/publications']['get']>
export type Publication = Publications['items'][number]
export type PublicationMetrics = NonNullable<Publication['metrics']>
