import { describe, expect, it } from 'vitest'
import {
  hasPlaceholders,
  parseTemplate,
  renderSavedReply,
  unknownVariables,
  usedVariables,
} from './saved-reply-template.ts'

describe('saved reply templates', () => {
  it('fills every known variable', () => {
    const result = renderSavedReply(
      'Halo {nama}, tiket Anda {nomor_tiket} ditangani {unit} ({kontak_unit}). Salam, {akun}',
      {
        nama: 'Budi',
        nomor_tiket: 'WT-0ABCD-EFGH1',
        unit: 'Dinas Perhubungan',
        kontak_unit: 'WA 0812-0000-1111',
        akun: '@dishubkota',
      },
    )
    expect(result).toEqual({
      text: 'Halo Budi, tiket Anda WT-0ABCD-EFGH1 ditangani Dinas Perhubungan (WA 0812-0000-1111). Salam, @dishubkota',
      unresolved: [],
    })
  })

  it('leaves a visible placeholder for a missing or blank value, never an empty string', () => {
    const result = renderSavedReply('Halo {nama}, hubungi {kontak_unit} atau {kontak_unit}.', {
      nama: '   ',
      kontak_unit: null,
    })
    expect(result.text).toBe('Halo [[nama]], hubungi [[kontak_unit]] atau [[kontak_unit]].')
    expect(result.unresolved).toEqual(['nama', 'kontak_unit'])
    expect(hasPlaceholders(result.text)).toBe(true)
    expect(hasPlaceholders('Halo Budi')).toBe(false)
  })

  it('names unknown variables (for the save-time error) and leaves them unresolved when rendered', () => {
    expect(unknownVariables('Halo {Nama} dan {nama}, {alamat} {alamat}')).toEqual(['Nama', 'alamat'])
    expect(unknownVariables('Halo {nama}')).toEqual([])
    expect(renderSavedReply('Di {alamat}', {}).unresolved).toEqual(['alamat'])
  })

  it('reads doubled braces as literal braces and other braces as text', () => {
    expect(renderSavedReply('{{nama}} adalah {nama}; { spasi } {}', { nama: 'Ani' }).text).toBe(
      '{nama} adalah Ani; { spasi } {}',
    )
    expect(unknownVariables('{{alamat}}')).toEqual([])
    expect(usedVariables('{akun} {nama} {akun}')).toEqual(['akun', 'nama'])
    expect(parseTemplate('')).toEqual([])
  })
})
