import { describe, it, expect, afterEach } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import id from './id.json'
import en from './en.json'
import { format, I18nProvider, translator, useI18n } from './i18n.tsx'

function Probe() {
  const { t, locale, setLocale } = useI18n()
  return (
    <div>
      <p data-testid="text">{t('login.submit')}</p>
      <p data-testid="locale">{locale}</p>
      <button type="button" onClick={() => setLocale(locale === 'id' ? 'en' : 'id')}>
        switch
      </button>
    </div>
  )
}

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})

describe('i18n', () => {
  it('speaks Bahasa Indonesia when nothing was chosen before', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    )
    expect(screen.getByTestId('text').textContent).toBe('Masuk')
    expect(document.documentElement.lang).toBe('id')
  })

  it('switches to English, sets the page language and remembers the choice for the next visit', () => {
    const first = render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    )
    act(() => screen.getByRole('button', { name: 'switch' }).click())
    expect(screen.getByTestId('text').textContent).toBe('Sign in')
    expect(document.documentElement.lang).toBe('en')
    first.unmount()

    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    )
    expect(screen.getByTestId('locale').textContent).toBe('en')
  })

  it('ignores a stored value that is not a known language', () => {
    window.localStorage.setItem('warta.locale', 'fr')
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    )
    expect(screen.getByTestId('locale').textContent).toBe('id')
  })

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(format('Halo {name}, {count} baris', { name: 'Sari', count: 3 })).toBe('Halo Sari, 3 baris')
    expect(format('Halo {name}', {})).toBe('Halo {name}')
    expect(translator('id')('home.title', { name: 'Sari' })).toBe('Selamat datang, Sari')
  })

  it('has an English text for every Indonesian key and no extra keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort())
    for (const value of Object.values(en)) expect(value.trim()).not.toBe('')
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]))
    }
  })
})
