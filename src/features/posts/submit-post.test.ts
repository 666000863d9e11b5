import { describe, expect, it } from 'vitest'
import { completenessProblems } from './submit-post.ts'

const variant = { accountId: 'a' } as never

describe('completenessProblems', () => {
  it('asks a berita for every 5W+1H answer it lacks', () => {
    const problems = completenessProblems({
      title: 'Peresmian puskesmas',
      kind: 'berita',
      fiveWOneH: { apa: 'Peresmian', siapa: 'Wali kota', kapan: ' ' },
      variants: [variant],
    })
    expect(Object.keys(problems).sort()).toEqual([
      'fiveWOneH.bagaimana',
      'fiveWOneH.dimana',
      'fiveWOneH.kapan',
      'fiveWOneH.mengapa',
    ])
    expect(problems['fiveWOneH.kapan']).toEqual({
      key: 'posts.five_w_required',
      params: { question: 'kapan' },
    })
  })

  it('does not ask an informasi post for 5W+1H, but still for a title and a target', () => {
    expect(
      completenessProblems({
        title: 'Jadwal layanan',
        kind: 'informasi',
        fiveWOneH: {},
        variants: [variant],
      }),
    ).toEqual({})
    expect(
      Object.keys(completenessProblems({ title: ' ', kind: 'informasi', fiveWOneH: {}, variants: [] })),
    ).toEqual(['title', 'targets'])
  })
})
