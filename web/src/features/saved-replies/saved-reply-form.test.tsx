import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { testUnit } from '../../test-support/test-unit.ts'
import { SavedReplyForm } from './saved-reply-form.tsx'

describe('the saved reply form', () => {
  it('names an unknown variable as it is typed and will not save it; the buttons insert known ones', () => {
    renderWithProviders(
      <SavedReplyForm reply={null} units={[]} manageablePaths={['/root/']} onDone={() => {}} />,
    )
    const body = screen.getByRole('textbox', { name: /Isi jawaban/ })
    fireEvent.change(body, { target: { value: 'Halo {nama}, alamat {alamat}?' } })
    expect(screen.getByText('Variabel tidak dikenal: {alamat}. Pakai tombol di bawah.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Simpan' }).hasAttribute('disabled')).toBe(true)

    fireEvent.change(body, { target: { value: 'Tiket Anda: ' } })
    fireEvent.click(screen.getByRole('button', { name: '{nomor_tiket}' }))
    expect((body as HTMLTextAreaElement).value).toBe('Tiket Anda: {nomor_tiket}')
    expect(screen.getByTestId('saved-reply-sample').textContent).toBe('Tiket Anda: WT-0J4KD-9QX2M')
    expect(screen.getByRole('button', { name: 'Simpan' }).hasAttribute('disabled')).toBe(false)
  })

  it("offers a unit's penanggung jawab only their own units, not the whole instansi", () => {
    const unit = (id: string, path: string, name: string) => ({
      unit: testUnit({ id, code: id.toUpperCase(), name, path }),
      depth: path.split('/').filter(Boolean).length - 1,
    })
    renderWithProviders(
      <SavedReplyForm
        reply={null}
        units={[
          unit('root', '/root/', 'Pemerintah Kota'),
          unit('dinkes', '/root/dinkes/', 'Dinas Kesehatan'),
          unit('pdam', '/root/pdam/', 'PDAM'),
        ]}
        manageablePaths={['/root/dinkes/']}
        onDone={() => {}}
      />,
    )
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: /Berlaku untuk/ })
    expect([...select.options].map((option) => option.textContent?.trim())).toEqual([
      'Dinas Kesehatan (DINKES)',
    ])
    expect(select.value).toBe('dinkes')
  })
})
