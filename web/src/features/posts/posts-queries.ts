// Server state of the composer: the accounts you may post to, your drafts, one post, the live compliance check,
// saving, submitting, overriding and media uploads.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, apiUploadFile } from '../../app/api-client.ts'
import type {
  CheckBody,
  DraftBody,
  Post,
  PostCheck,
  PostList,
  PostTargets,
  UploadedMedia,
} from './post-types.ts'

export const postKeys = {
  all: ['posts'] as const,
  mine: ['posts', 'mine'] as const,
  one: (id: string) => ['posts', 'one', id] as const,
  targets: ['posts', 'targets'] as const,
  check: (body: CheckBody) => ['posts', 'check', body] as const,
}

export const targetsQuery = queryOptions({
  queryKey: postKeys.targets,
  queryFn: () => api.get<PostTargets>('/api/posts/targets'),
})

export const myPostsQuery = queryOptions({
  queryKey: postKeys.mine,
  queryFn: () => api.get<PostList>('/api/posts?mine=true'),
})

export function postQuery(id: string) {
  return queryOptions({ queryKey: postKeys.one(id), queryFn: () => api.get<Post>(`/api/posts/${id}`) })
}

/** The check of what is on screen; the caller debounces `body` so it runs when the author pauses. */
export function checkQuery(body: CheckBody) {
  return queryOptions({
    queryKey: postKeys.check(body),
    queryFn: () => api.post<PostCheck>('/api/posts/check', body),
    staleTime: 60_000,
  })
}

export function useSavePost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string | null; version: number | null; body: DraftBody }) =>
      id ? api.put<Post>(`/api/posts/${id}`, { ...body, version }) : api.post<Post>('/api/posts', body),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.one(post.id), post)
      void queryClient.invalidateQueries({ queryKey: postKeys.mine })
    },
  })
}

export function useSubmitPost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, overrideReason }: { id: string; version: number; overrideReason?: string }) =>
      api.post<Post>(`/api/posts/${id}/submit`, { version, overrideReason }),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.one(post.id), post)
      void queryClient.invalidateQueries({ queryKey: postKeys.mine })
    },
  })
}

export function useDeletePost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete<{ id: string }>(`/api/posts/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postKeys.mine }),
  })
}

export function uploadMedia(file: File): Promise<UploadedMedia> {
  return apiUploadFile<UploadedMedia>(`/api/media?name=${encodeURIComponent(file.name)}`, file)
}
