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
