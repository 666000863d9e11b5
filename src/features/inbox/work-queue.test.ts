import { describe, expect, it } from 'vitest'
import { AppError } from '../app-error.ts'
import { decodeKeyset, encodeKeyset } from './work-queue.ts'

const ID = '0b7a3c8e-5d41-4f2a-9c1e-2a3b4c5d6e7f'

describe('the inbox keyset', () => {
  it('round-trips a deadline, a priority and an id, and a row without a deadline', () => {
    const due = new Date('2026-12-07T03:00:00.000Z')
    expect(decodeKeyset(encodeKeyset({ slaDueAt: due, priority: 42, id: ID }))).toEqual({
      slaDueAt: due,
      priority: 42,
      id: ID,
    })
    expect(decodeKeyset(encodeKeyset({ slaDueAt: null, priority: 0, id: ID }))).toEqual({
      slaDueAt: null,
      priority: 0,
      id: ID,
    })
  })

  it('refuses a marker it did not write', () => {
    for (const forged of ['', 'bm9wZQ', Buffer.from(`1.2.${ID}'; drop`).toString('base64url')])
      expect(() => decodeKeyset(forged)).toThrow(AppError)
  })
})
