import { describe, expect, it } from 'vitest'
import { groupThread } from './thread-groups.ts'
import type { InboxThread } from './inbox-types.ts'

type Item = InboxThread['item']

function item(id: string, author: string, createdAt: string): Item {
  return {
    id,
    author: { externalId: author, handle: author, name: null },
    createdAt,
    body: `${author} ${id}`,
  } as Item
}

function reply(id: string, itemId: string, createdAt: string): InboxThread['replies'][number] {
  return { id, itemId, createdAt, body: id } as InboxThread['replies'][number]
}

describe('grouping a thread by citizen', () => {
  const wahyu1 = item('w1', 'wahyu', '2026-12-07T03:00:00Z')
  const wahyu2 = item('w2', 'wahyu', '2026-12-07T05:00:00Z')
  const sari = item('s1', 'sari', '2026-12-07T01:00:00Z')
  const budi = item('b1', 'budi', '2026-12-07T02:00:00Z')

  it("puts the opened item's citizen first, with their comments, our replies and notes to them in time order", () => {
    const groups = groupThread({
      item: wahyu2,
      thread: [sari, budi, wahyu1, wahyu2],
      replies: [reply('r-s', 's1', '2026-12-07T01:30:00Z'), reply('r-w', 'w1', '2026-12-07T04:00:00Z')],
      notes: [
        {
          id: 'n1',
          itemId: 'w2',
          kind: 'note',
          body: 'cek',
          author: { id: null, name: null },
          createdAt: '2026-12-07T05:30:00Z',
        },
      ],
    })
    expect(groups.opened.authorId).toBe('wahyu')
    expect(groups.opened.entries.map((entry) => entry.kind)).toEqual(['item', 'reply', 'item', 'note'])
    expect(groups.others.map((group) => group.authorId)).toEqual(['sari', 'budi'])
    expect(groups.others[0]!.entries.map((entry) => entry.kind)).toEqual(['item', 'reply'])
  })

  it('keeps a reply to an item outside the thread apart from every citizen, last', () => {
    const groups = groupThread({
      item: wahyu1,
      thread: [wahyu1, sari],
      replies: [reply('r-x', 'hidden', '2026-12-07T00:00:00Z')],
      notes: [],
    })
    expect(groups.opened.entries).toHaveLength(1)
    expect(groups.others.map((group) => group.authorId)).toEqual(['sari', null])
  })

  it('includes the opened item even when the thread list left it out', () => {
    const groups = groupThread({ item: wahyu1, thread: [sari], replies: [], notes: [] })
    expect(groups.opened.entries.map((entry) => (entry.kind === 'item' ? entry.item.id : ''))).toEqual(['w1'])
  })
})
