import { describe, expect, it, vi } from 'vitest'
import { fireEvent, screen } from '@testing-library/react'
import { useState } from 'react'
import { renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { kindChoice, UnitKindField } from './unit-kind-field.tsx'

function Harness({ initial, onChange }: { initial: string; onChange: (kind: string) => void }) {
  const [kind, setKind] = useState(initial)
  return (
    <UnitKindField
      value={kind}
      onChange={(next) => {
        setKind(next)
        onChange(next)
      }}
    />
  )
}

describe('unit kind field', () => {
  it('offers the common kinds and sends the chosen one by its code', () => {
    const changed = vi.fn()
    renderWithProviders(<Harness initial="" onChange={changed} />)
    const select = screen.getByLabelText<HTMLSelectElement>('Jenis unit')
    expect([...select.options].map((option) => option.textContent)).toContain('Kantor wilayah (kanwil)')
    fireEvent.change(select, { target: { value: 'kantor_pelayanan' } })
    expect(changed).toHaveBeenLastCalledWith('kantor_pelayanan')
  })

  it('takes a kind of its own when "Lainnya" is chosen', () => {
    const changed = vi.fn()
    renderWithProviders(<Harness initial="" onChange={changed} />)
    fireEvent.change(screen.getByLabelText('Jenis unit'), { target: { value: 'lainnya' } })
    fireEvent.change(screen.getByLabelText('Jenis lain'), { target: { value: ' Inspektorat ' } })
    expect(changed).toHaveBeenLastCalledWith('Inspektorat')
  })

  it('shows a stored kind of its own under "Lainnya", and the old default as no choice', () => {
    renderWithProviders(<Harness initial="Inspektorat" onChange={() => {}} />)
    expect(screen.getByLabelText<HTMLSelectElement>('Jenis unit').value).toBe('lainnya')
    expect(screen.getByLabelText<HTMLInputElement>('Jenis lain').value).toBe('Inspektorat')
    expect(kindChoice('unit')).toBe('')
    expect(kindChoice('upt')).toBe('upt')
  })
})
