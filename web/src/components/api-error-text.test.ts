import { describe, it, expect } from 'vitest'
import { ApiError } from '../app/api-client.ts'
import { translator } from '../i18n/i18n.tsx'
import { describeApiError } from './api-error-text.ts'

const problem = (key: string, message: string, params?: Record<string, string | number>) => ({
  key,
  message,
  params,
})

describe('describeApiError', () => {
  it('renders the message key in the language on screen, not the language the server answered in', () => {
    const error = new ApiError(400, 'invalid_input', {
      key: 'validation.too_long',
      params: { maximum: 15 },
      message: 'Paling banyak 15 karakter.',
    })
    expect(describeApiError(error, 'en', translator('en')).banner).toBe('At most 15 characters.')
    expect(describeApiError(error, 'id', translator('id')).banner).toBe('Paling banyak 15 karakter.')
  })

  it('puts each field problem under its field and sums them up without the API field names', () => {
    const error = new ApiError(400, 'invalid_input', {
      key: 'common.check_fields',
      params: { summary: 'name: Wajib diisi.; code: Wajib diisi.' },
      details: {
        name: problem('validation.required', 'Wajib diisi.'),
        code: problem('validation.required', 'Wajib diisi.'),
        'pengelola.0.userId': problem('validation.uuid', 'Pengenal tidak valid.'),
      },
    })
    const text = describeApiError(error, 'en', translator('en'))
    expect(text.fields).toEqual({
      name: 'Required.',
      code: 'Required.',
      'pengelola.0.userId': 'This identifier is not valid.',
    })
    expect(text.banner).toBe('Check the marked fields: Required. This identifier is not valid.')
  })

  it('keeps the server text for a key this build does not know, and names network failures plainly', () => {
    const unknown = new ApiError(409, 'conflict', {
      key: 'future.key_this_build_does_not_have',
      message: 'Kode DINKES sudah dipakai.',
    })
    expect(describeApiError(unknown, 'en', translator('en')).banner).toBe('Kode DINKES sudah dipakai.')
    expect(describeApiError(new ApiError(0, 'network'), 'id', translator('id')).banner).toContain(
      'Server tidak dapat dihubungi',
    )
    expect(describeApiError(null, 'id', translator('id'))).toEqual({ banner: null, fields: {} })
  })
})
