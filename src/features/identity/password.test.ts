import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { generateTemporaryPassword, hashPassword, passwordProblem, verifyPassword } from './password.ts'

describe('password rules', () => {
  it('require at least 12 characters', () => {
    expect(passwordProblem('pendek-11ch', 'a@b.go.id')).toEqual({
      key: 'auth.password_too_short',
      params: { minimum: 12 },
    })
    expect(passwordProblem('cukup-panjang', 'a@b.go.id')).toBeNull()
  })

  it('reject the e-mail address or its local part as the password, in any case', () => {
    const isEmail = { key: 'auth.password_is_email' }
    expect(passwordProblem('Humas.Kota@Kominfo.go.id', 'humas.kota@kominfo.go.id')).toEqual(isEmail)
    expect(passwordProblem('humas.kota.xx', 'humas.kota.xx@kominfo.go.id')).toEqual(isEmail)
  })

  it('reject passwords made of very few distinct characters', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa', 'a@b.go.id')).toEqual({ key: 'auth.password_too_simple' })
  })

  it('generate temporary passwords that pass the rules', () => {
    const temporary = generateTemporaryPassword(randomBytes)
    expect(temporary).toHaveLength(20)
    expect(passwordProblem(temporary, 'a@b.go.id')).toBeNull()
  })

  it('hash with argon2id and verify only the right password', async () => {
    const hashed = await hashPassword('kata-sandi-panjang-sekali')
    expect(hashed.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(hashed, 'kata-sandi-panjang-sekali')).toBe(true)
    expect(await verifyPassword(hashed, 'kata-sandi-lain-sekali')).toBe(false)
    expect(await verifyPassword(null, 'apa-saja-apa-saja')).toBe(false)
    expect(await verifyPassword('bukan-hash', 'apa-saja-apa-saja')).toBe(false)
  })
})
