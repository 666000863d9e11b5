import { describe, expect, it } from 'vitest'
import { maskPersonalData } from './mask-personal-data.ts'

describe('maskPersonalData', () => {
  it('masks the handle of a private person but keeps the office account', () => {
    expect(maskPersonalData('@budi_99 coba tanya @dkk_semarang')).toBe('@user coba tanya @dkk_semarang')
  })

  it('masks a handle quoted at the start of a reply', () => {
    expect(maskPersonalData('desty_widiastuti : harusnya nunggu 3bln')).toBe('@user : harusnya nunggu 3bln')
  })

  it('masks mobile numbers in local and international form', () => {
    expect(maskPersonalData('hub wa 0812-3456-7890 atau +62 812 3456 7890')).toBe(
      'hub wa [TELEPON] atau [TELEPON]',
    )
  })

  it('masks a 16-digit NIK and an e-mail address', () => {
    expect(maskPersonalData('nik 3374012345678901 email budi@gmail.com')).toBe('nik [NIK] email [EMAIL]')
  })

  it('leaves dates, counts and short numbers alone', () => {
    expect(maskPersonalData('vaksin tgl 23-08-2021, kuota 1000, dosis 2')).toBe(
      'vaksin tgl 23-08-2021, kuota 1000, dosis 2',
    )
  })
})
