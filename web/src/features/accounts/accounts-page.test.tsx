import { describe, it, expect, afterEach, vi } from 'vitest'
import { screen } from '@testing-library/react'
import { renderWithProviders } from '../../test-support/render-with-providers.tsx'
import type { Account } from './account-types.ts'
import { accountQuery } from './accounts-queries.ts'
import { PengelolaCell } from './accounts-page.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const account = {
  pengelola: [
    {
      userId: 'a',
      email: 'budi@kota.go.id',
      name: 'Budi Santoso',
      suratTugasNumber: '800/123/2026',
      suratTugasDate: '2026-01-05',
    },
    {
      userId: 'b',
      email: 'ani@kota.go.id',
      name: 'Ani Lestari',
      suratTugasNumber: null,
      suratTugasDate: null,
    },
  ],
} as unknown as Account

describe('the account list', () => {
  it('shows each pengelola with their surat tugas, and flags one without it as a warning', () => {
    renderWithProviders(<PengelolaCell account={account} />)
    expect(screen.getByText('Budi Santoso')).toBeTruthy()
    expect(screen.getByText('Surat tugas 800/123/2026, 5 Januari 2026')).toBeTruthy()
    const flag = screen.getByText('Tanpa surat tugas')
    expect(flag.closest('[class*="Badge"]')?.getAttribute('style') ?? '').not.toContain('green')
    expect(screen.getByText('Ani Lestari')).toBeTruthy()
  })

  it('says so when an account has no pengelola yet', () => {
    renderWithProviders(<PengelolaCell account={{ ...account, pengelola: [] }} />, { locale: 'en' })
    expect(screen.getByText('No pengelola yet')).toBeTruthy()
  })

  it('asks the API for the search text with the other filters', () => {
    expect(
      accountQuery({ unitId: '', platform: 'x', status: '', breaksNaming: false, q: ' humas ' }, 50),
    ).toBe('?platform=x&q=humas&limit=50&offset=50')
  })
})
