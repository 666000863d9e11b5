import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { errorHandler } from './error-handler.ts'
import { userView } from './routes/users/users-schemas.ts'
import { useZodTypeProvider } from './zod-type-provider.ts'

const user = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  email: 'siti@diskominfo.go.id',
  name: 'Siti',
  locale: 'id',
  disabled: false,
  twoFactorEnabled: true,
  mustChangePassword: false,
  trainingMode: false,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-10-12T07:30:00.000Z',
  grants: [],
}

describe('answers encoded through the response schema', () => {
  it("leaves out fields the schema does not name, such as a user row's password hash and TOTP secret", async () => {
    const app = Fastify()
    const api = useZodTypeProvider(app)
    app.setErrorHandler(errorHandler)
    api.get('/user', { schema: { response: { 200: userView } } }, async () => {
      // A feature that handed back its whole row by mistake.
      const row = {
        ...user,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$rahasia',
        totpSecret: 'JBSWY3DPEHPK3PXP',
      }
      return row
    })
    const response = await app.inject({ method: 'GET', url: '/user' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(user)
    expect(response.body).not.toContain('argon2id')
    expect(response.body).not.toContain('JBSWY3DPEHPK3PXP')
  })

  it('answers 500 without the data when a view does not match its schema, instead of sending it unchecked', async () => {
    const app = Fastify({ logger: false })
    const api = useZodTypeProvider(app)
    app.setErrorHandler(errorHandler)
    api.get('/user', { schema: { response: { 200: userView } } }, async () => {
      return { ...user, email: 42 } as unknown as typeof user
    })
    const response = await app.inject({ method: 'GET', url: '/user' })
    expect(response.statusCode).toBe(500)
    expect(response.json().error.code).toBe('internal')
    expect(response.body).not.toContain('siti@')
  })
})
