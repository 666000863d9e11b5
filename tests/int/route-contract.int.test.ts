// Walks every route of the OpenAPI document (/api/openapi.json) and checks the contract each one must keep, so a
// route added later is held to it without anyone remembering: it declares what it answers, it refuses anonymous
// callers unless it is one of the few public routes, and it refuses text that cannot be stored (a NUL byte, a
// lone surrogate) in every string it accepts with a 400 naming the field, never a 500.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/app.ts'
import { ROLES } from '../../src/features/access/policy.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { getTestContext } from '../support/test-context.ts'
import { createTestInstansi, createTestUser } from '../support/fixtures.ts'
import { loginAs, type LoginHeaders } from '../support/auth.ts'

/** Routes anyone may call. Every other route must answer 401 to a caller without a session or token. */
const PUBLIC_ROUTES = [
  'GET /api/auth/options',
  'POST /api/auth/login',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/setup',
  'POST /api/setup',
  // The first-run wizard's "Coba dengan data contoh": like POST /api/setup, only while the deployment is empty.
  'POST /api/setup/demo',
  // The platform sends the browser back here without our CSRF header; the OAuth state is the proof (issue #8).
  'GET /api/oauth/callback',
  // Platforms push deliveries signed with the deployment's secret (issue #8).
  'GET /api/webhooks/{platform}',
  'POST /api/webhooks/{platform}',
]

interface JsonSchema {
  type?: string
  format?: string
  pattern?: string
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  additionalProperties?: JsonSchema | boolean
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  $ref?: string
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie'
  name: string
  schema: JsonSchema
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
  security?: unknown[]
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
}
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
interface Route {
  key: string
  method: Method
  path: string
  operation: Operation
}

function routesOf(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase() as Method,
      path,
      operation,
    })),
  )
}

/** Routes that do not say what they answer: no 2XX with a body schema and no redirect. */
function routesWithoutResponseSchema(document: OpenApiDocument): string[] {
  return routesOf(document)
    .filter(({ operation }) => {
      const answers = Object.entries(operation.responses)
      const described = answers.some(
        ([status, response]) =>
          (status.startsWith('2') && Object.values(response.content ?? {}).some((c) => c.schema)) ||
          status.startsWith('3'),
      )
      return !described
    })
    .map((route) => route.key)
}

function sampleValue(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID()
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-10-12'
  if (schema.enum) return String(schema.enum[0])
  if (schema.type === 'integer' || schema.type === 'number') return '1'
  return 'contoh'
}

function pathParameters(route: Route): Parameter[] {
  return (route.operation.parameters ?? []).filter((p) => p.in === 'path')
}

function urlOf(route: Route, values: Record<string, string> = {}, query = ''): string {
  let url = route.path
  for (const parameter of pathParameters(route))
    url = url.replace(`{${parameter.name}}`, values[parameter.name] ?? sampleValue(parameter.schema))
  return query ? `${url}?${query}` : url
}

function isStringSchema(schema: JsonSchema): boolean {
  return schema.type === 'string'
}

/**
 * A value for `schema` with `bad` in every string it holds, and the field paths of those strings; undefined when
 * the schema holds no string.
 */
function poisoned(
  schema: JsonSchema,
  bad: string,
  path: string[],
): { value: unknown; fields: string[] } | undefined {
  const branches = schema.anyOf ?? schema.oneOf
  if (branches) {
    for (const branch of branches) {
      const found = poisoned(branch, bad, path)
      if (found) return found
    }
    return undefined
  }
  if (isStringSchema(schema)) return { value: bad, fields: [path.join('.')] }
  if (schema.type === 'array' && schema.items) {
    const item = poisoned(schema.items, bad, [...path, '0'])
    return item ? { value: [item.value], fields: item.fields } : undefined
  }
  if (schema.type === 'object' || schema.properties) {
    const value: Record<string, unknown> = {}
    const fields: string[] = []
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const found = poisoned(property, bad, [...path, name])
      if (found) {
        value[name] = found.value
        fields.push(...found.fields)
      }
    }
    if (typeof schema.additionalProperties === 'object') {
      const found = poisoned(schema.additionalProperties, bad, [...path, 'instagram'])
      if (found) {
        value.instagram = found.value
        fields.push(...found.fields)
      }
    }
    return fields.length > 0 ? { value, fields } : undefined
  }
  return undefined
}

function jsonBodySchema(route: Route): JsonSchema | undefined {
  return route.operation.requestBody?.content['application/json']?.schema
}

let app: FastifyInstance
let document: OpenApiDocument
let routes: Route[]
let session: LoginHeaders

beforeAll(async () => {
  const ctx = await getTestContext()
  app = await buildApp(ctx)
  await app.ready()
  document = app.swagger() as unknown as OpenApiDocument
  routes = routesOf(document)
  const owner = await createTestInstansi(ctx.db, 'Instansi Kontrak')
  const secret = generateTotpSecret()
  const user = await createTestUser(
    ctx.db,
    owner,
    ROLES.map((role) => ({ unitId: owner.rootUnit.id, role })),
    { totpSecret: secret },
  )
  session = await loginAs(app, { ...user, totpSecret: secret })
})

afterAll(async () => {
  await app?.close()
})

describe('the contract of every route in the OpenAPI document', () => {
  it('declares a response schema on every route', () => {
    expect(routes.length).toBeGreaterThan(40)
    expect(routesWithoutResponseSchema(document)).toEqual([])
  })

  it('notices a route that declares no response schema', async () => {
    const ctx = await getTestContext()
    const extra = await buildApp(ctx)
    extra.get('/api/undeclared', { schema: { tags: ['test'] } }, async () => ({ secret: 'x' }))
    await extra.ready()
    expect(routesWithoutResponseSchema(extra.swagger() as unknown as OpenApiDocument)).toEqual([
      'GET /api/undeclared',
    ])
    await extra.close()
  })

  it('publishes only the sign-in and setup routes, marked as needing no session', () => {
    const open = routes.filter((route) => route.operation.security?.length === 0).map((route) => route.key)
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort())
  })

  it('answers 401 to an anonymous caller on every other route, before looking at the body', async () => {
    const answers: string[] = []
    for (const route of routes) {
      if (PUBLIC_ROUTES.includes(route.key)) continue
      const response = await app.inject({
        method: route.method,
        url: urlOf(route),
        ...(route.operation.requestBody ? { payload: { unexpected: 'x'.repeat(1000) } } : {}),
      })
      const key = response.statusCode === 401 ? response.json<{ error: { key: string } }>().error.key : ''
      if (key !== 'common.unauthenticated') answers.push(`${route.key} → ${response.statusCode} ${key}`)
    }
    expect(answers).toEqual([])
  })

  for (const [name, bad] of [
    ['a NUL byte', 'Humas\u0000Kota'],
    ['a lone surrogate', 'Humas\ud800Kota'],
  ] as const) {
    it(`refuses ${name} in every string field of every JSON body with validation.text_control_chars`, async () => {
      const problems: string[] = []
      let checked = 0
      for (const route of routes) {
        const schema = jsonBodySchema(route)
        const body = schema && poisoned(schema, bad, [])
        if (!body) continue
        checked++
        const response = await app.inject({
          method: route.method,
          url: urlOf(route),
          headers: session.headers,
          payload: body.value as object,
        })
        if (response.statusCode !== 400) {
          problems.push(`${route.key} → ${response.statusCode} ${response.body.slice(0, 200)}`)
          continue
        }
        const details = response.json<{ error: { details?: Record<string, { key: string }> } }>().error
          .details
        for (const field of body.fields)
          if (details?.[field]?.key !== 'validation.text_control_chars')
            problems.push(`${route.key} ${field} → ${JSON.stringify(details?.[field])}`)
      }
      expect(checked).toBeGreaterThan(15)
      expect(problems).toEqual([])
    })
  }

  it('refuses a NUL byte in every string query and path parameter with validation.text_control_chars', async () => {
    const problems: string[] = []
    let checked = 0
    for (const route of routes) {
      const parameters = (route.operation.parameters ?? []).filter(
        (p) => (p.in === 'query' || p.in === 'path') && isStringSchema(p.schema),
      )
      for (const parameter of parameters) {
        checked++
        const url =
          parameter.in === 'path'
            ? urlOf(route, { [parameter.name]: 'a%00b' })
            : urlOf(route, {}, `${encodeURIComponent(parameter.name)}=a%00b`)
        const response = await app.inject({
          method: route.method,
          url,
          headers: session.headers,
          ...(route.operation.requestBody ? { payload: {} } : {}),
        })
        const key =
          response.statusCode === 400
            ? response.json<{ error: { details?: Record<string, { key: string }> } }>().error.details?.[
                parameter.name
              ]?.key
            : undefined
        if (key !== 'validation.text_control_chars')
          problems.push(`${route.key} ${parameter.in} ${parameter.name} → ${response.statusCode} ${key}`)
      }
    }
    expect(checked).toBeGreaterThan(20)
    expect(problems).toEqual([])
  })

  it('never answers 500 to a lone surrogate in a URL (its UTF-8 form is invalid and stays undecoded)', async () => {
    const problems: string[] = []
    for (const route of routes) {
      for (const parameter of route.operation.parameters ?? []) {
        if (!isStringSchema(parameter.schema) || (parameter.in !== 'query' && parameter.in !== 'path'))
          continue
        const url =
          parameter.in === 'path'
            ? urlOf(route, { [parameter.name]: '%ED%A0%80' })
            : urlOf(route, {}, `${encodeURIComponent(parameter.name)}=%ED%A0%80`)
        const response = await app.inject({
          method: route.method,
          url,
          headers: session.headers,
          ...(route.operation.requestBody ? { payload: {} } : {}),
        })
        if (response.statusCode >= 500)
          problems.push(`${route.key} ${parameter.name} → ${response.statusCode}`)
      }
    }
    expect(problems).toEqual([])
  })
})
