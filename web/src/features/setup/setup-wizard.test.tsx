import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { SetupWizard, slugify, validateSetupStep, type SetupForm } from './setup-wizard.tsx'

const filled: SetupForm = {
  instansiName: 'Pemerintah Kota Bandung',
  instansiSlug: 'kota-bandung',
  rootUnitName: 'Bagian Humas',
  rootUnitCode: 'HUMAS',
  adminName: 'Sari Admin',
  adminEmail: 'sari@bandung.go.id',
  adminPassword: 'kata-sandi-panjang-sekali',
  adminPasswordConfirm: 'kata-sandi-panjang-sekali',
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('setup wizard rules', () => {
  it('derives a slug from the instansi name without accents or spaces', () => {
    expect(slugify('Pemerintah Kota Bandung')).toBe('pemerintah-kota-bandung')
    expect(slugify('  Dinas Komunikasi & Informatika — Sumbawa ')).toBe(
      'dinas-komunikasi-informatika-sumbawa',
    )
    expect(slugify('Kabupaten Tanah Datar Ê')).toBe('kabupaten-tanah-datar-e')
  })

  it('accepts a complete form and names each problem of an incomplete one', () => {
    const all = Object.keys(filled) as (keyof SetupForm)[]
    expect(validateSetupStep(filled, all)).toEqual({})
    expect(
      validateSetupStep(
        {
          ...filled,
          instansiSlug: 'Kota Bandung',
          adminEmail: 'sari',
          adminPassword: 'pendek',
          adminPasswordConfirm: 'lain',
        },
        all,
      ),
    ).toEqual({
      instansiSlug: 'setup.slugInvalid',
      adminEmail: 'form.emailInvalid',
      adminPassword: 'form.passwordShort',
      adminPasswordConfirm: 'form.passwordMismatch',
    })
  })
})

describe('SetupWizard', () => {
  it('does not leave the first step while a field is empty, and ties the error to the field', () => {
    renderWithProviders(<SetupWizard onDone={async () => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }))
    const name = screen.getByLabelText('Nama instansi')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(name.getAttribute('aria-describedby')).toContain('-error')
    expect(document.getElementById('setup-step-title')?.textContent).toBe('Instansi')
  })

  it('walks the three steps, sends one setup request and goes back to the step of a field the API rejects', async () => {
    const bodies: unknown[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: string, init?: RequestInit) => {
        bodies.push(JSON.parse(init?.body as string))
        return new Response(
          JSON.stringify({
            error: {
              code: 'conflict',
              key: 'common.text',
              params: { text: 'Slug sudah dipakai.' },
              message: 'Slug sudah dipakai.',
              details: {
                slug: {
                  key: 'common.text',
                  params: { text: 'Slug sudah dipakai.' },
                  message: 'Slug sudah dipakai.',
                },
              },
            },
          }),
          { status: 409 },
        )
      }),
    )
    const onDone = vi.fn(async () => {})
    renderWithProviders(<SetupWizard onDone={onDone} />)
    fireEvent.change(screen.getByLabelText('Nama instansi'), { target: { value: filled.instansiName } })
    expect(screen.getByLabelText<HTMLInputElement>('Kode singkat instansi').value).toBe(
      'pemerintah-kota-bandung',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }))
    fireEvent.change(screen.getByLabelText('Nama unit teratas'), { target: { value: filled.rootUnitName } })
    fireEvent.change(screen.getByLabelText('Kode unit'), { target: { value: filled.rootUnitCode } })
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }))
    fireEvent.change(screen.getByLabelText('Nama lengkap admin'), { target: { value: filled.adminName } })
    fireEvent.change(screen.getByLabelText('E-mail admin'), { target: { value: filled.adminEmail } })
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: filled.adminPassword } })
    fireEvent.change(screen.getByLabelText('Ulangi kata sandi'), { target: { value: filled.adminPassword } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Selesaikan penyiapan' }))
    })
    expect(bodies).toEqual([
      {
        instansiName: filled.instansiName,
        slug: 'pemerintah-kota-bandung',
        rootUnitName: filled.rootUnitName,
        rootUnitCode: filled.rootUnitCode,
        adminName: filled.adminName,
        adminEmail: filled.adminEmail,
        adminPassword: filled.adminPassword,
      },
    ])
    expect(onDone).not.toHaveBeenCalled()
    expect(document.getElementById('setup-step-title')?.textContent).toBe('Instansi')
    const slug = screen.getByLabelText('Kode singkat instansi')
    expect(slug.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('alert').textContent).toContain('Slug sudah dipakai.')
    expect(screen.getByRole('alert').textContent).not.toContain('slug:')

    // Correcting the field clears its problem; the step can be walked again.
    fireEvent.change(slug, { target: { value: 'kota-bandung-2' } })
    expect(slug.getAttribute('aria-invalid')).toBeNull()
  })
})
