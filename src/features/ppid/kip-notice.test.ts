// rules.md §12 A 3 and A 4 as they stand, and which points a–g apply to which decision.
import { describe, expect, it } from 'vitest'
import { citePasal17, noticeProblems, type KipNotice } from './kip-notice.ts'

const granted: KipNotice = {
  held: true,
  decision: 'granted',
  material: 'Salinan DPA Dinas PU 2026',
  deliveryMethod: 'email',
  deliveryFormat: 'PDF',
  cost: 0,
}

describe('rule A3: the notice needs every applicable point a–g', () => {
  it('accepts a complete grant', () => {
    expect(noticeProblems(granted)).toEqual([])
  })

  it('a notice missing (g) cost is rejected with a message naming the field', () => {
    const { cost: _cost, ...withoutCost } = granted
    expect(noticeProblems(withoutCost)).toEqual([{ point: 'g', field: 'cost', problem: 'missing' }])
  })

  it('needs a payment method when there is a cost, and (b) the holding agency when not held', () => {
    expect(noticeProblems({ ...granted, cost: 25_000 })).toEqual([
      { point: 'g', field: 'paymentMethod', problem: 'missing' },
    ])
    expect(noticeProblems({ held: false, decision: 'not_held' })).toEqual([
      { point: 'b', field: 'holderAgency', problem: 'missing' },
    ])
    expect(noticeProblems({ held: false, decision: 'not_held', holderAgency: 'BPS Provinsi' })).toEqual([])
    expect(noticeProblems({ held: false, decision: 'not_held', holderUnknown: true })).toEqual([])
  })

  it('names every missing point of an empty notice, and a decision that contradicts (a)', () => {
    expect(noticeProblems({}).map((p) => p.field)).toEqual(['held', 'decision'])
    expect(noticeProblems({ ...granted, held: false, holderUnknown: true })).toContainEqual({
      point: 'c',
      field: 'decision',
      problem: 'inconsistent',
    })
  })

  it('needs (e) redactions with their reasons when given in part', () => {
    const partial: KipNotice = { ...granted, decision: 'partially_granted' }
    expect(noticeProblems(partial)).toEqual([{ point: 'e', field: 'redactions', problem: 'missing' }])
    expect(
      noticeProblems({
        ...partial,
        redactions: [{ part: 'NIK penerima bantuan', exemption: { code: 'h', subItem: null, reason: '' } }],
      }),
    ).toEqual([{ point: 'e', field: 'redactions.0.exemption.reason', problem: 'missing' }])
  })
})

describe('rule A4: a refusal or redaction cites a Pasal 17 code', () => {
  const refused: KipNotice = { held: true, decision: 'refused' }

  it('refusal with reason "rahasia" and no code → rejected', () => {
    expect(noticeProblems({ ...refused, refusalGrounds: [{ code: null, reason: 'rahasia' }] })).toEqual([
      { point: 'c', field: 'refusalGrounds.0.code', problem: 'pasal_17_code' },
    ])
    expect(noticeProblems(refused)).toEqual([
      { point: 'c', field: 'refusalGrounds', problem: 'pasal_17_code' },
    ])
  })

  it('with h + text → accepted', () => {
    expect(
      noticeProblems({
        ...refused,
        refusalGrounds: [{ code: 'h', reason: 'Memuat riwayat kesehatan pemohon lain' }],
      }),
    ).toEqual([])
  })

  it('a redaction without a code is rejected too, and a citation reads as the notice prints it', () => {
    expect(
      noticeProblems({
        ...granted,
        decision: 'partially_granted',
        redactions: [{ part: 'Lampiran 3', exemption: { code: null, reason: 'rahasia' } }],
      }),
    ).toEqual([{ point: 'e', field: 'redactions.0.exemption.code', problem: 'pasal_17_code' }])
    expect(citePasal17({ code: 'h', subItem: '2', reason: 'x' })).toBe('Pasal 17 huruf h angka 2')
    expect(citePasal17({ code: 'i', reason: 'x' })).toBe('Pasal 17 huruf i')
  })
})
