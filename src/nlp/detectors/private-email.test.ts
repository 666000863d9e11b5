import { describe, it, expect } from 'vitest'
import { findPrivateEmails, isOfficialEmailDomain } from './private-email.ts'

describe('findPrivateEmails', () => {
  it('finds a webmail address with exact offsets', () => {
    const text = 'Kirim berkas ke budi.santoso88@gmail.com ya'
    expect(findPrivateEmails(text)).toEqual([{ start: 16, end: 40 }])
  })

  it('does not report official government and military addresses', () => {
    expect(findPrivateEmails('Surel: humas@kemkes.go.id atau pengaduan@lapor.go.id')).toEqual([])
    expect(findPrivateEmails('info@tniad.mil.id dan pemdes@sukamaju.desa.id')).toEqual([])
  })

  it('treats a company or personal domain as private and drops a sentence-final dot', () => {
    const text = 'Hubungi andi@contoh.co.id.'
    expect(findPrivateEmails(text)).toEqual([{ start: 8, end: 25 }])
  })
})

describe('isOfficialEmailDomain', () => {
  it('recognises other countries government domains but not look-alikes', () => {
    expect(isOfficialEmailDomain('gov.uk')).toBe(false)
    expect(isOfficialEmailDomain('cabinetoffice.gov.uk')).toBe(true)
    expect(isOfficialEmailDomain('go.id.example.com')).toBe(false)
    expect(isOfficialEmailDomain('yahoo.co.id')).toBe(false)
  })
})

describe('findPrivateEmails on role addresses', () => {
  it('treats a role address on an organisation domain as institutional but webmail as private', () => {
    expect(findPrivateEmails('Pengaduan pelanggan: cs@pln.co.id')).toEqual([])
    expect(findPrivateEmails('Kirim ke info.dinas@gmail.com')).toHaveLength(1)
    expect(findPrivateEmails('Kirim ke info@gmail.com')).toHaveLength(1)
    expect(findPrivateEmails('Kirim ke andi@pln.co.id')).toHaveLength(1)
  })
})

describe('findPrivateEmails on spelt-out addresses', () => {
  it('finds "name [at] gmail [dot] com" but not an official one spelt out', () => {
    const text = 'Kirim ke budi [at] gmail [dot] com'
    expect(findPrivateEmails(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'budi [at] gmail [dot] com',
    ])
    expect(findPrivateEmails('humas(at)kemkes.go.id')).toEqual([])
  })
})
