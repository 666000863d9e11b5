import { describe, expect, it } from 'vitest'
import { readOption } from './read-option.ts'

describe('readOption', () => {
  it('reads an option given as two arguments or joined with an equals sign', () => {
    expect(readOption(['--health-port', '9000'], 'health-port')).toBe('9000')
    expect(readOption(['--health-port=9001'], 'health-port')).toBe('9001')
  })

  it('returns undefined when the option is absent or has no value', () => {
    expect(readOption(['--other', '1'], 'health-port')).toBeUndefined()
    expect(readOption(['--health-port'], 'health-port')).toBeUndefined()
  })
})
