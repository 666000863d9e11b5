import { describe, expect, it } from 'vitest'
import { parseGovCommentLine } from './gov-comment-row.ts'

const validRow = {
  id: 'dkk-u-305',
  text: 'Mksh infonya, tetap jaga prokes',
  split: 'train',
  source: 'dkk-semarang-instagram',
  intent: 'apresiasi',
  sentiment: 'positif',
  abusive: false,
  hate_speech: false,
  hs_target: 'none',
  hs_category: 'none',
}

const lineWith = (changes: Record<string, unknown>): string => JSON.stringify({ ...validRow, ...changes })

describe('parseGovCommentLine', () => {
  it('accepts a row that follows the labelling guide', () => {
    expect(parseGovCommentLine(JSON.stringify(validRow)).ok).toBe(true)
  })

  it('rejects a line that is not JSON', () => {
    expect(parseGovCommentLine('{"id":')).toEqual({ ok: false, message: 'not valid JSON' })
  })

  it('rejects an intent outside the six labels', () => {
    expect(parseGovCommentLine(lineWith({ intent: 'saran' })).ok).toBe(false)
  })

  it('rejects hate speech without a target and category', () => {
    expect(parseGovCommentLine(lineWith({ abusive: true, hate_speech: true })).ok).toBe(false)
  })

  it('rejects a target on a row that is not hate speech', () => {
    expect(parseGovCommentLine(lineWith({ hs_target: 'kelompok', hs_category: 'lainnya' })).ok).toBe(false)
  })

  it('accepts hate speech with a target and category', () => {
    expect(
      parseGovCommentLine(
        lineWith({ abusive: true, hate_speech: true, hs_target: 'kelompok', hs_category: 'lainnya' }),
      ).ok,
    ).toBe(true)
  })

  it('rejects a real comment that still names a private handle', () => {
    expect(parseGovCommentLine(lineWith({ text: 'coba tanya @budi.santoso99 min' })).ok).toBe(false)
  })

  it('rejects a real comment that still holds a mobile number or a NIK', () => {
    expect(parseGovCommentLine(lineWith({ text: 'hub wa 0812 3456 7890' })).ok).toBe(false)
    expect(parseGovCommentLine(lineWith({ text: 'nik saya 3374012345678901' })).ok).toBe(false)
  })

  it('accepts masked handles and the office account in a real comment', () => {
    expect(parseGovCommentLine(lineWith({ text: '@user tolong cek @dkk_semarang [TELEPON]' })).ok).toBe(true)
  })

  it('accepts an invented handle in a written row', () => {
    expect(
      parseGovCommentLine(lineWith({ source: 'written', text: 'coba tanya @budi.santoso99 min' })).ok,
    ).toBe(true)
  })

  it('rejects fields the schema does not know', () => {
    expect(parseGovCommentLine(lineWith({ note: 'x' })).ok).toBe(false)
  })
})
