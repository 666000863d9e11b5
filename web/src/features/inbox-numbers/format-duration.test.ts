import { describe, expect, it } from 'vitest'
import { formatDuration } from './format-duration.ts'

describe('formatDuration', () => {
  it('says a duration in at most two units, in the reader language', () => {
    expect(formatDuration(null, 'id')).toBe('—')
    expect(formatDuration(30, 'id')).toBe('< 1 mnt')
    expect(formatDuration(45 * 60, 'id')).toBe('45 mnt')
    expect(formatDuration(3 * 3600 + 20 * 60 + 59, 'id')).toBe('3 j 20 mnt')
    expect(formatDuration(2 * 3600, 'en')).toBe('2 h')
    expect(formatDuration(2 * 86400 + 4 * 3600 + 10 * 60, 'en')).toBe('2 d 4 h')
    expect(formatDuration(86400, 'id')).toBe('1 hr')
  })
})
