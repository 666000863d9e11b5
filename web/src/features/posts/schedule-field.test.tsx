import { describe, it, expect } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { useState } from 'react'
import { renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { ScheduleField } from './schedule-field.tsx'
import { wibInputToIso } from './wib-time.ts'

let latest = ''
function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial)
  latest = value
  return <ScheduleField value={value} onChange={setValue} />
}

describe('the publication time field', () => {
  it('reads a day typed the Indonesian way, fills the morning time it shows, and says the moment in WIB', async () => {
    renderWithProviders(<Harness />)
    const day = screen.getByLabelText('Tanggal tayang')
    await act(async () => {
      fireEvent.change(day, { target: { value: '8/12/2026' } })
      fireEvent.blur(day)
    })
    expect(latest).toBe('2026-12-08T08:00')
    expect(wibInputToIso(latest)).toBe('2026-12-08T01:00:00.000Z')
    expect(screen.getByTestId('schedule-summary').textContent).toMatch(/^Selasa, 8 Des 2026 08\.00 WIB$/)
  })

  it('shows an existing time in 24 hours in English too, and clears with the day', async () => {
    renderWithProviders(<Harness initial="2026-12-08T14:30" />, { locale: 'en' })
    expect(screen.getByTestId('schedule-summary').textContent).toMatch(/^Tue, 8 Dec 2026 14:30 WIB$/)
    expect(screen.getByLabelText('Hours')).toHaveProperty('value', '14')
    expect(screen.getByLabelText('Minutes')).toHaveProperty('value', '30')
    const day = screen.getByLabelText('Publication date')
    await act(async () => {
      fireEvent.change(day, { target: { value: '' } })
      fireEvent.blur(day)
    })
    expect(latest).toBe('')
  })
})
