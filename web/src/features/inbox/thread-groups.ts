// A thread is the platform's conversation: on one post, many citizens' comments and our replies share it. The
// thread pane shows it as one group per citizen — their comments with our replies and notes on them, in time order
// — the group of the item opened first, so an operator reads (and answers) the right person.
import type { InboxThread } from './inbox-types.ts'

type Item = InboxThread['thread'][number]
type Reply = InboxThread['replies'][number]
type Note = InboxThread['notes'][number]

export type ThreadEntry =
  | { kind: 'item'; at: string; item: Item }
  | { kind: 'reply'; at: string; reply: Reply; to: Item | undefined }
  | { kind: 'note'; at: string; note: Note }

export interface CitizenGroup {
  /** The citizen's platform id; null for replies and notes on items this person may not read. */
  authorId: string | null
  author: Item['author'] | null
  entries: ThreadEntry[]
}

export interface ThreadGroups {
  /** The opened item's citizen: their comments, our replies to them, notes on them. */
  opened: CitizenGroup
  /** Everyone else in the conversation, by when they first wrote. */
  others: CitizenGroup[]
}

export function groupThread(view: Pick<InboxThread, 'item' | 'thread' | 'replies' | 'notes'>): ThreadGroups {
  const items = view.thread.some((row) => row.id === view.item.id) ? view.thread : [view.item, ...view.thread]
  const byId = new Map(items.map((row) => [row.id, row]))
  const groups = new Map<string | null, CitizenGroup>()
  const groupOf = (item: Item | undefined): CitizenGroup => {
    const key = item?.author.externalId ?? null
    let group = groups.get(key)
    if (!group) {
      group = { authorId: key, author: item?.author ?? null, entries: [] }
      groups.set(key, group)
    }
    return group
  }
  groupOf(view.item)
  for (const item of items) groupOf(item).entries.push({ kind: 'item', at: item.createdAt, item })
  for (const reply of view.replies) {
    const to = byId.get(reply.itemId)
    groupOf(to).entries.push({ kind: 'reply', at: reply.createdAt, reply, to })
  }
  for (const note of view.notes)
    groupOf(byId.get(note.itemId)).entries.push({ kind: 'note', at: note.createdAt, note })
  for (const group of groups.values()) group.entries.sort((a, b) => a.at.localeCompare(b.at))
  const opened = groups.get(view.item.author.externalId)!
  const others = [...groups.values()]
    .filter((group) => group !== opened)
    .sort((a, b) => {
      // Replies and notes on unreadable items last; otherwise by the first word in the conversation.
      if (a.authorId === null || b.authorId === null) return a.authorId === null ? 1 : -1
      return (a.entries[0]?.at ?? '').localeCompare(b.entries[0]?.at ?? '')
    })
  return { opened, others }
}
