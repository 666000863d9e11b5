import { describe, expect, it } from 'vitest'
import { markSpans } from './findings-view.tsx'
import { isoToWibInput, wibInputToIso } from './wib-time.ts'

const finding = (start: number, end: number, severity: 'block' | 'warn' = 'block') => ({
  code: 'pii_nik',
  severity,
  start,
  end,
  message: 'Hapus NIK ini.',
})

describe('markSpans', () => {
  it('cuts the text into plain and marked pieces at the findings’ offsets', () => {
    const text = 'NIK 3171011708450001 milik warga.'
    const pieces = markSpans(text, [finding(4, 20)])
    expect(pieces.map((piece) => [piece.text, piece.finding?.severity ?? null])).toEqual([
      ['NIK ', null],
      ['3171011708450001', 'block'],
      [' milik warga.', null],
    ])
  })

  it('keeps the text whole when findings overlap', () => {
    const text = 'abcdefghij'
    expect(
      markSpans(text, [finding(2, 6), finding(4, 8, 'warn')])
        .map((piece) => piece.text)
        .join(''),
    ).toBe(text)
  })
})

describe('WIB time', () => {
  it('reads a typed time as WIB whatever the browser’s zone, and shows it back the same', () => {
    expect(wibInputToIso('2026-10-12T14:30')).toBe('2026-10-12T07:30:00.000Z')
    expect(isoToWibInput('2026-10-12T07:30:00.000Z')).toBe('2026-10-12T14:30')
    expect(wibInputToIso('')).toBeNull()
  })
})
