import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { assessPassword, passwordUserInputs } from '../../shared/password-policy.ts'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { estimatePasswordStrength } from './password-strength.ts'
import {
  assertPasswordAcceptable,
  generateTemporaryPassword,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from './password.ts'
import { AppError } from '../app-error.ts'

const sari = {
  email: 'sari.wulandari@kotacontoh.go.id',
  name: 'Sari Wulandari',
  instansiName: 'Pemerintah Kota Contoh',
  instansiSlug: 'kotacontoh',
}

describe('password rules', () => {
  it('require at least 12 characters', () => {
    expect(passwordProblem('pendek-11ch', sari)).toEqual({
      key: 'auth.password_too_short',
      params: { minimum: 12 },
    })
  })

  it('refuse "password1234", the password the first admin was allowed to keep, as a common one', () => {
    const problem = passwordProblem('password1234', sari)
    expect(problem?.key).toBe('auth.password_warning.similar_to_common')
    expect(formatMessage('id', problem!.key)).toBe('Ini mirip kata sandi yang umum dipakai.')
  })

  it('refuse common Indonesian words and phrases with digits, using the Indonesian dictionary', () => {
    for (const weak of ['Jakarta12345678', 'indonesia12345', 'bismillah12345'])
      expect(passwordProblem(weak, sari), weak).not.toBeNull()
  })

  it("refuse the person's name, e-mail and the instansi's slug and name outright, with digits and symbols or not", () => {
    for (const personal of [
      'SariWulandari2026',
      'Sari#2026#Wulandari',
      'kotacontoh2026!!',
      'pemerintah.kota.contoh',
      'Wulandari!!2026',
      'KOTA-contoh-99-pemerintah',
    ])
      expect(passwordProblem(personal, sari), personal).toEqual({ key: 'auth.password_personal' })
    expect(passwordProblem('Sari.Wulandari@KotaContoh.go.id', sari)).toEqual({
      key: 'auth.password_is_email',
    })
  })

  it('tell zxcvbn about the person and the instansi', () => {
    expect(passwordUserInputs(sari)).toEqual(
      expect.arrayContaining(['sari.wulandari@kotacontoh.go.id', 'sariwulandari', 'kotacontoh', 'wulandari']),
    )
  })

  it('accept a passphrase of uncommon words and a generated temporary password', () => {
    expect(passwordProblem('batik-kopi-sawah-77', sari)).toBeNull()
    expect(passwordProblem('Kata-sandi-admin-2026!', sari)).toBeNull()
    const temporary = generateTemporaryPassword(randomBytes)
    expect(temporary).toHaveLength(20)
    expect(passwordProblem(temporary, sari)).toBeNull()
  })

  it('reject passwords made of very few distinct characters', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa', sari)).toEqual({ key: 'auth.password_too_simple' })
  })

  it('give the score and the feedback as catalogue keys for the meter', () => {
    const weak = assessPassword('password1234', sari, estimatePasswordStrength)
    expect(weak.score).toBeLessThan(3)
    expect(weak.suggestions).toContain('auth.password_suggestion.another_word')
    const strong = assessPassword('batik-kopi-sawah-77', sari, estimatePasswordStrength)
    expect(strong).toMatchObject({ problem: null, score: 4 })
  })

  it('throw invalid_input naming the field, with the weakness as its problem', () => {
    let thrown: unknown
    try {
      assertPasswordAcceptable('password1234', sari, 'newPassword')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect(thrown).toMatchObject({
      code: 'invalid_input',
      key: 'auth.password_weak',
      details: { newPassword: { key: 'auth.password_warning.similar_to_common' } },
    })
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
