import { describe, it, expect } from 'vitest'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { renderWithProviders } from '../test-support/render-with-providers.tsx'
import { useConfirm } from './confirm-dialog.tsx'

function RevokeButton() {
  const confirm = useConfirm()
  const [outcome, setOutcome] = useState('belum')
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void confirm({
            title: 'Cabut token skrip laporan?',
            message: 'Skrip yang memakai token ini langsung ditolak.',
            confirmLabel: 'Cabut token',
          }).then((confirmed) => setOutcome(confirmed ? 'dicabut' : 'batal'))
        }
      >
        Cabut
      </button>
      <p data-testid="outcome">{outcome}</p>
    </>
  )
}

describe('useConfirm', () => {
  it('asks in a named dialog with focus on Cancel, and acts only when the named action is chosen', async () => {
    renderWithProviders(<RevokeButton />)
    fireEvent.click(screen.getByRole('button', { name: 'Cabut' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cabut token skrip laporan?' })
    expect(dialog.textContent).toContain('Skrip yang memakai token ini langsung ditolak.')
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Batal'))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cabut token' }))
    })
    expect(screen.getByTestId('outcome').textContent).toBe('dicabut')
  })

  it('does nothing when the person cancels', async () => {
    renderWithProviders(<RevokeButton />)
    fireEvent.click(screen.getByRole('button', { name: 'Cabut' }))
    await screen.findByRole('dialog')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Batal' }))
    })
    expect(screen.getByTestId('outcome').textContent).toBe('batal')
  })
})
