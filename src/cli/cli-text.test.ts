import { describe, expect, it } from 'vitest'
import { cliText, localeFromEnvironment } from './cli-text.ts'

describe('the command line language', () => {
  it('is Indonesian on a bare server or container locale', () => {
    expect(localeFromEnvironment({})).toBe('id')
    expect(localeFromEnvironment({ LANG: 'C.UTF-8' })).toBe('id')
    expect(localeFromEnvironment({ LANG: 'POSIX' })).toBe('id')
    expect(localeFromEnvironment({ LANG: 'id_ID.UTF-8' })).toBe('id')
  })

  it('is English when the POSIX locale is English, with LC_ALL over LC_MESSAGES over LANG', () => {
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(localeFromEnvironment({ LANG: 'id_ID.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en')
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_ALL: 'id_ID.UTF-8' })).toBe('id')
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_ALL: '' })).toBe('en')
  })

  it('follows WARTA_LOCALE over the POSIX locale', () => {
    expect(localeFromEnvironment({ WARTA_LOCALE: 'en', LANG: 'id_ID.UTF-8' })).toBe('en')
    expect(localeFromEnvironment({ WARTA_LOCALE: 'id', LC_ALL: 'en_US.UTF-8' })).toBe('id')
  })

  it('renders the data-folder lock message in both languages', () => {
    const params = { dir: '/srv/warta/data', pid: 4242 }
    expect(cliText('cli.data_dir_locked', params, 'id')).toContain(
      'sedang dipakai proses Warta lain (pid 4242)',
    )
    expect(cliText('cli.data_dir_locked', params, 'en')).toContain(
      'in use by another Warta process (pid 4242)',
    )
  })
})
