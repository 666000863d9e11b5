// Server state of the inbox: the list (keyset pages), the tabs' counts, one thread, saved views, and the actions.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import { inboxApiQuery, type InboxSearch } from './inbox-search.ts'
import type {
  Clarification,
  InboxCounts,
  InboxItem,
  InboxPage,
  InboxReply,
  InboxThread,
  ItemSavedReplies,
  RenderedSavedReply,
  SavedView,
} from './inbox-types.ts'

export const INBOX_PAGE_SIZE = 50

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (query: string) => ['inbox', 'list', query] as const,
  counts: (query: string) => ['inbox', 'counts', query] as const,
  thread: (id: string) => ['inbox', 'thread', id] as const,
  views: ['inbox-views'] as const,
  savedReplies: (itemId: string) => ['saved-replies', 'item', itemId] as const,
}

export function inboxListQuery(search: InboxSearch) {
  const query = inboxApiQuery(search).toString()
  return infiniteQueryOptions({
    queryKey: inboxKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query)
      params.set('limit', String(INBOX_PAGE_SIZE))
      if (pageParam) params.set('after', pageParam)
      return api.get<InboxPage>(`/api/inbox/items?${params.toString()}`)
    },
    getNextPageParam: (last) => last.next,
  })
}

export function inboxCountsQuery(search: InboxSearch) {
  const params = inboxApiQuery(search)
  params.delete('status')
  const query = params.toString()
  return queryOptions({
    queryKey: inboxKeys.counts(query),
    queryFn: () => api.get<InboxCounts>(`/api/inbox/counts${query ? `?${query}` : ''}`),
  })
}

export function inboxThreadQuery(id: string) {
  return queryOptions({
    queryKey: inboxKeys.thread(id),
    queryFn: () => api.get<InboxThread>(`/api/inbox/items/${id}`),
  })
}

export function savedViewsQuery() {
  return queryOptions({
    queryKey: inboxKeys.views,
    queryFn: () => api.get<{ items: SavedView[] }>('/api/inbox/views'),
  })
}

/** The saved replies that apply to one item, those fitting its intent first. */
export function itemSavedRepliesQuery(itemId: string) {
  return queryOptions({
    queryKey: inboxKeys.savedReplies(itemId),
    queryFn: () =>
      api.get<ItemSavedReplies>(`/api/saved-replies?${new URLSearchParams({ itemId }).toString()}`),
  })
}

export const inboxRequests = {
  reply: (id: string, body: { text: string; openedAt?: string; confirm?: boolean }) =>
    api.post<InboxReply>(`/api/inbox/items/${id}/replies`, body),
  note: (id: string, text: string) => api.post<{ ok: true }>(`/api/inbox/items/${id}/notes`, { text }),
  close: (id: string) => api.post<InboxItem>(`/api/inbox/items/${id}/close`),
  reopen: (id: string) => api.post<InboxItem>(`/api/inbox/items/${id}/reopen`),
  hide: (id: string) => api.post<InboxItem>(`/api/inbox/items/${id}/hide`),
  remove: (id: string) => api.post<InboxItem>(`/api/inbox/items/${id}/delete`),
  assign: (id: string, body: { userId?: string | null; unitId?: string; note?: string }) =>
    api.post<InboxItem>(`/api/inbox/items/${id}/assign`, body),
  approve: (replyId: string) => api.post<InboxReply>(`/api/inbox/replies/${replyId}/approve`),
  reject: (replyId: string) => api.post<InboxReply>(`/api/inbox/replies/${replyId}/reject`),
  retry: (replyId: string, body: { checked?: boolean }) =>
    api.post<InboxReply>(`/api/inbox/replies/${replyId}/retry`, body),
  presence: (id: string, body: { typing: boolean; leaving?: boolean }) =>
    api.post<{ others: InboxThread['others'] }>(`/api/inbox/items/${id}/presence`, body),
  bulk: (
    body:
      | { action: 'assign'; ids: string[]; userId: string | null }
      | { action: 'close'; ids: string[] }
      | { action: 'label'; ids: string[]; add: string[] },
  ) => api.post<{ count: number }>('/api/inbox/bulk', body),
  saveView: (name: string, query: string) => api.post<SavedView>('/api/inbox/views', { name, query }),
  deleteView: (id: string) => api.delete<{ ok: true }>(`/api/inbox/views/${id}`),
  renderSavedReply: (replyId: string, itemId: string) =>
    api.post<RenderedSavedReply>(`/api/saved-replies/${replyId}/render`, { itemId }),
  clarification: (id: string) => api.post<Clarification>(`/api/inbox/items/${id}/clarification`),
}
