import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { renderWithProviders } from '../test-support/render-with-providers.tsx'
import { SecretReveal } from './secret-reveal.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('SecretReveal', () => {
  it('copies every code, one per line, and says it did', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    renderWithProviders(
      <SecretReveal
        title="Kode pemulihan"
        description="Tampil sekali."
        secret={['aaaa-1111', 'bbbb-2222']}
        fileName="kode.txt"
        testId="codes"
      />,
    )
    expect(screen.getByRole('region', { name: 'Kode pemulihan' })).toBeTruthy()
    expect(screen.getByTestId('codes').textContent).toBe('aaaa-1111bbbb-2222')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Salin' }))
    })
    expect(writeText).toHaveBeenCalledWith('aaaa-1111\nbbbb-2222')
    expect(screen.getByRole('button', { name: 'Tersalin' })).toBeTruthy()
  })

  it('downloads the secret as a text file with its header', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:secret'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    renderWithProviders(
      <SecretReveal
        title="Token API baru"
        description="Tampil sekali."
        secret="wrt_abc"
        fileName="warta-token-api.txt"
        fileHeader={['Token API Warta']}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Unduh (.txt)' }))
    expect(clicked).toEqual(['warta-token-api.txt'])
    expect(await blobs[0]!.text()).toBe('Token API Warta\n\nwrt_abc\n')
  })

  it('tells the person to copy by hand when the browser refuses', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('no'))) },
    })
    document.execCommand = vi.fn(() => false)
    renderWithProviders(
      <SecretReveal title="Kata sandi" description="Sekali." secret="rahasia" fileName="k.txt" />,
    )
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Salin' }))
    })
    expect(screen.getByRole('alert').textContent).toContain('Peramban menolak menyalin')
  })
})
