import { describe, it, expect } from 'vitest'
import { fireEvent, screen } from '@testing-library/react'
import { useState } from 'react'
import type { PasswordContext } from '../../../src/shared/password-policy.ts'
import { renderWithProviders } from '../test-support/render-with-providers.tsx'
import { NewPasswordField } from './new-password-field.tsx'

function Field({ context = {} }: { context?: PasswordContext }) {
  const [value, setValue] = useState('')
  return (
    <NewPasswordField
      label="Kata sandi baru"
      context={context}
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
    />
  )
}

const sari: PasswordContext = {
  email: 'sari@kotacontoh.go.id',
  name: 'Sari Wulandari',
  instansiName: 'Pemerintah Kota Contoh',
  instansiSlug: 'kotacontoh',
}

function type(value: string) {
  fireEvent.change(screen.getByLabelText('Kata sandi baru'), { target: { value } })
}

/** The meter's words: the element the field names in aria-describedby. */
function meterText(): string {
  const ids = (screen.getByLabelText('Kata sandi baru').getAttribute('aria-describedby') ?? '').split(' ')
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

// The estimator's dictionaries load on first use (a second or two in jsdom).
describe('NewPasswordField', { timeout: 15_000 }, () => {
  it('states the rule before anything is typed', () => {
    renderWithProviders(<Field />)
    expect(meterText()).toContain('Minimal 12 karakter')
  })

  it('tells while typing that "password1234" is a common password, with a suggestion, using the real estimator', async () => {
    renderWithProviders(<Field />)
    type('password1234')
    await screen.findByText(/Ini mirip kata sandi yang umum dipakai\./, undefined, { timeout: 10_000 })
    expect(meterText()).toContain('Kekuatan: lemah.')
    expect(meterText()).toContain('Tambahkan kata lain yang kurang umum.')
  })

  it('accepts a passphrase of uncommon words', async () => {
    renderWithProviders(<Field />)
    type('batik-kopi-sawah-77')
    await screen.findByText(/Dapat diterima/, undefined, { timeout: 10_000 })
    expect(meterText()).toContain('Kekuatan: sangat kuat.')
  })

  it("refuses the person's own name with a year, as the server does", async () => {
    renderWithProviders(<Field context={sari} />)
    type('SariWulandari2026')
    await screen.findByText(/tidak boleh memuat atau hanya terdiri dari nama Anda/, undefined, {
      timeout: 10_000,
    })
    expect(meterText()).toContain('Belum dapat diterima.')
  })

  it('speaks English when the screen does', async () => {
    renderWithProviders(<Field />, { locale: 'en' })
    type('password1234')
    await screen.findByText(/This is similar to a commonly used password\./, undefined, { timeout: 10_000 })
    expect(meterText()).toContain('Strength: weak.')
  })
})
