// The edge of the API: what a request costs before it reaches a route (authentication before the body is read,
// body limits, bounded error answers), and who may read metrics and the API documentation.
import { describe, expect, it } from 'vitest'
import type { AppContext } from '../context.ts'
import { buildApp } from './app.ts'
import { BODY_LIMITS } from './body-limits.ts'
import { getTestContext, testConfig } from '../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../tests/support/fixtures.ts'
import { loginAs } from '../../tests/support/auth.ts'
import { generateTotpSecret } from '../features/identity/totp.ts'

async function setup(overrides: Record<string, string> = {}) {
  const base = await getTestContext()
  const ctx: AppContext = { ...base, config: testConfig(overrides) }
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const session = await loginAs(app, { ...admin, totpSecret: secret })
  return { ctx, app, owner, headers: session.headers }
}

/** The finding: a 4.7 MB JSON object of 400,000 keys. */
function hugePatternsBody(keys = 400_000): string {
  const entries: string[] = []
  for (let i = 0; i < keys; i++) entries.push(`"k${i}":${i}`)
  return `{"patterns":{${entries.join(',')}}}`
}

describe('requests to routes that need a session', () => {
  it('answers a 4.7 MB body of 400,000 keys without a cookie with a small 401 instead of parsing it', async () => {
    const { app } = await setup()
    const body = hugePatternsBody()
    expect(body.length).toBeGreaterThan(4_500_000)
    const response = await app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: { 'content-type': 'application/json' },
      payload: body,
    })
    expect(response.statusCode).toBe(401)
    expect(response.json().error).toMatchObject({ code: 'unauthenticated', key: 'common.unauthenticated' })
    expect(response.body.length).toBeLessThan(1000)
  })

  it('answers the same body with a session 413 payload_too_large, naming the limit', async () => {
    const { app, headers } = await setup()
    const response = await app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: hugePatternsBody(),
    })
    expect(response.statusCode).toBe(413)
    expect(response.json().error).toMatchObject({
      code: 'payload_too_large',
      key: 'common.body_too_large',
      params: { kilobytes: 64 },
    })
    expect(response.body.length).toBeLessThan(1000)
  })

  it('answers a body just under the limit full of bad values with a capped 400 of a few kilobytes', async () => {
    const { app, headers } = await setup()
    const longKey = 'p'.repeat(20_000)
    const entries = [`"${longKey}":1`]
    for (let i = 0; entries.join(',').length < BODY_LIMITS.default - 1000; i++) entries.push(`"k${i}":${i}`)
    const body = `{"patterns":{${entries.join(',')}}}`
    const response = await app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: body,
    })
    expect(response.statusCode).toBe(400)
    const error = response.json<{
      error: { key: string; params: { summary: string }; details: Record<string, { key: string }> }
    }>().error
    expect(error.key).toBe('common.check_fields')
    expect(Object.keys(error.details)).toHaveLength(50)
    expect(Object.keys(error.details).every((field) => field.length <= 100)).toBe(true)
    expect(error.params.summary.length).toBeLessThanOrEqual(600)
    expect(response.body.length).toBeLessThan(20_000)
  })

  it('accepts a CSV import larger than the default limit and refuses one over its own limit with 413', async () => {
    const { app, headers } = await setup()
    const header = 'platform,handle,display_name,unit_code,penanggung_jawab_email'
    const large = `${header}\nx,humas_${uniqueSuffix()},${'Humas '.repeat(20_000)},PUSAT,nobody@uji.go.id\n`
    expect(large.length).toBeGreaterThan(BODY_LIMITS.default)
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: large,
    })
    expect(accepted.statusCode, accepted.body.slice(0, 300)).toBe(200)
    const tooLarge = await app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: `${header}\n${'x'.repeat(BODY_LIMITS.csvImport)}`,
    })
    expect(tooLarge.statusCode).toBe(413)
    expect(tooLarge.json().error.params).toEqual({ kilobytes: 5120 })
  })

  it('refuses a NUL byte in a raw CSV import with validation.text_control_chars', async () => {
    const { app, headers } = await setup()
    const response = await app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
      payload: 'platform,handle\nx,hu\u0000mas\n',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details.csv.key).toBe('validation.text_control_chars')
    // Raw bytes cannot carry a lone surrogate: its UTF-8 form (ED A0 80) is invalid and decodes to U+FFFD.
    const surrogateBytes = await app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
      payload: Buffer.concat([
        Buffer.from('platform,handle,unit_code,penanggung_jawab_email\nx,hu'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('mas,PUSAT,nobody@uji.go.id\n'),
      ]),
    })
    expect(surrogateBytes.statusCode).toBe(200)
  })
})

describe('metrics', () => {
  it('are not served when neither a token nor a metrics port is configured', async () => {
    const { app } = await setup()
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404)
  })

  it('need the configured bearer token', async () => {
    const token = `metrik-${uniqueSuffix()}-${uniqueSuffix()}`
    const { app } = await setup({ WARTA_METRICS_TOKEN: token })
    const anonymous = await app.inject({ method: 'GET', url: '/metrics' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.key).toBe('common.metrics_token')
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}x` },
    })
    expect(wrong.statusCode).toBe(401)
    const right = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(right.statusCode).toBe(200)
    expect(right.body).toContain('warta_http_requests_total')
  })

  it('move to their own listener when a metrics port is configured', async () => {
    const { app } = await setup({ WARTA_METRICS_PORT: '0', HOST: '127.0.0.1' })
    await app.ready()
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404)
      const address = app.metricsServer?.address()
      if (!address || typeof address === 'string') throw new Error('the metrics listener is not listening')
      const response = await fetch(`http://127.0.0.1:${address.port}/metrics`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('warta_http_requests_total')
    } finally {
      await app.close()
    }
    expect(app.metricsServer?.listening).toBe(false)
  })
})

describe('API documentation', () => {
  it('needs a session or token unless published', async () => {
    const { app, headers } = await setup()
    for (const url of [
      '/api/openapi.json',
      '/api/docs',
      '/api/docs/json',
      '/api/docs/static/swagger-initializer.js',
    ]) {
      const anonymous = await app.inject({ method: 'GET', url })
      expect(anonymous.statusCode, url).toBe(401)
    }
    const signedIn = await app.inject({ method: 'GET', url: '/api/openapi.json', headers })
    expect(signedIn.statusCode).toBe(200)
    expect(signedIn.json().paths).toHaveProperty('/api/units')
    const page = await app.inject({ method: 'GET', url: '/api/docs', headers })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
  })

  it('is open to everyone with WARTA_PUBLIC_API_DOCS=true', async () => {
    const { app } = await setup({ WARTA_PUBLIC_API_DOCS: 'true' })
    const document = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(document.statusCode).toBe(200)
    expect(document.json().paths).toHaveProperty('/api/units')
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200)
    expect(
      (await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })).statusCode,
    ).toBe(200)
    // Publishing the documentation opens no API route.
    expect((await app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401)
  })
})
