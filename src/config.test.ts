import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config.ts'

describe('configuration of metrics and API documentation', () => {
  it('serves neither metrics nor public API documentation by default', () => {
    const config = parseConfig({})
    expect(config.metrics).toEqual({ token: undefined, port: undefined })
    expect(config.publicApiDocs).toBe(false)
  })

  it('reads the metrics token, the metrics port and the public documentation switch', () => {
    const config = parseConfig({
      WARTA_METRICS_TOKEN: 'prometheus-scraper-token',
      WARTA_METRICS_PORT: '9464',
      WARTA_PUBLIC_API_DOCS: 'true',
    })
    expect(config.metrics).toEqual({ token: 'prometheus-scraper-token', port: 9464 })
    expect(config.publicApiDocs).toBe(true)
  })

  it('refuses a short metrics token and a metrics port equal to the main port', () => {
    expect(() => parseConfig({ WARTA_METRICS_TOKEN: 'pendek' })).toThrow(/WARTA_METRICS_TOKEN/)
    expect(() => parseConfig({ PORT: '8080', WARTA_METRICS_PORT: '8080' })).toThrow(ConfigError)
  })
})

describe('configuration errors', () => {
  it('names every wrong variable at once, in the language the terminal asks for', () => {
    let caught: unknown
    try {
      parseConfig({ PORT: 'delapan', LOG_LEVEL: 'loud', WARTA_SECRET: 'pendek' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigError)
    const error = caught as ConfigError
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual([
      'LOG_LEVEL',
      'PORT',
      'WARTA_SECRET',
    ])
    const indonesian = error.render('id')
    expect(indonesian).toContain('Konfigurasi tidak valid (lihat .env.example):')
    expect(indonesian).toContain('- WARTA_SECRET: paling sedikit 32 karakter')
    expect(indonesian).toContain('- LOG_LEVEL: pilih salah satu: fatal, error')
    expect(indonesian).toContain('- PORT: nilai "delapan" tidak valid')
    expect(error.render('en')).toContain('- WARTA_SECRET: at least 32 characters')
  })

  it('explains the OIDC all-or-none rule', () => {
    expect(() => parseConfig({ OIDC_ISSUER: 'https://sso.example.go.id' })).toThrow(/OIDC_CLIENT_ID/)
  })
})

describe('configuration of outgoing mail', () => {
  it('sends no mail by default, and keeps reset links valid for 30 minutes', () => {
    const config = parseConfig({})
    expect(config.mail).toBeUndefined()
    expect(config.passwordResetMinutes).toBe(30)
  })

  it('reads the SMTP server and the sender together', () => {
    const config = parseConfig({
      SMTP_URL: 'smtps://warta:rahasia@mail.kotacontoh.go.id:465',
      SMTP_FROM: 'Warta <warta@kotacontoh.go.id>',
      WARTA_PASSWORD_RESET_MINUTES: '20',
    })
    expect(config.mail).toEqual({
      url: 'smtps://warta:rahasia@mail.kotacontoh.go.id:465',
      from: 'Warta <warta@kotacontoh.go.id>',
    })
    expect(config.passwordResetMinutes).toBe(20)
  })

  it('refuses one without the other, and a URL that is not SMTP', () => {
    expect(() => parseConfig({ SMTP_URL: 'smtp://mail.kotacontoh.go.id' })).toThrow(/SMTP_FROM/)
    expect(() => parseConfig({ SMTP_URL: 'https://mail.go.id', SMTP_FROM: 'a@b.go.id' })).toThrow(/SMTP_URL/)
  })
})

describe('configuration of platform OAuth clients and webhook secrets', () => {
  it('reads WARTA_OAUTH_<PLATFORM>_CLIENT_ID / _SECRET and WARTA_WEBHOOK_<PLATFORM>_SECRET / _VERIFY_TOKEN by platform', () => {
    const config = parseConfig({
      WARTA_OAUTH_X_CLIENT_ID: 'x-id',
      WARTA_OAUTH_X_CLIENT_SECRET: 'x-secret',
      WARTA_WEBHOOK_FACEBOOK_SECRET: 'app-secret',
      WARTA_WEBHOOK_FACEBOOK_VERIFY_TOKEN: 'pilihan-kami',
      WARTA_WEBHOOK_TELEGRAM_SECRET: 'tg-secret',
    })
    expect(config.oauthClients).toEqual({ x: { clientId: 'x-id', clientSecret: 'x-secret' } })
    expect(config.webhookSecrets).toEqual({
      facebook: { signingSecret: 'app-secret', verifyToken: 'pilihan-kami' },
      telegram: { signingSecret: 'tg-secret', verifyToken: undefined },
    })
    expect(parseConfig({}).oauthClients).toEqual({})
  })

  it('refuses a client id without its secret', () => {
    expect(() => parseConfig({ WARTA_OAUTH_TIKTOK_CLIENT_ID: 'id' })).toThrow(
      /WARTA_OAUTH_TIKTOK_CLIENT_SECRET/,
    )
  })
})
