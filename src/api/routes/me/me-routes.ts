// The signed-in user's own security settings: password, two-factor authentication, sessions and API tokens.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import { createApiToken, listMyApiTokens, revokeMyApiToken } from '../../../features/identity/api-tokens.ts'
import { changeOwnPassword } from '../../../features/identity/change-password.ts'
import { describeMe } from '../../../features/identity/describe-me.ts'
import { listMySessions, revokeMySession, SESSION_COOKIE } from '../../../features/identity/sessions.ts'
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
  twoFactorStatus,
} from '../../../features/identity/two-factor.ts'
import { updateOwnProfile } from '../../../features/identity/update-own-profile.ts'
import { meResponse } from '../auth/auth-routes.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

const ok = z.object({ ok: z.literal(true) })
const idParams = z.object({ id: z.uuid() })
const code = z.string().trim().min(6).max(10)

const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
})
const confirmBody = z.object({ code })
const disableBody = z.object({
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
})

const sessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  method: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
})

const tokenGrant = z.object({ unitId: z.uuid(), role: z.string().min(1) })
const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string(),
  grants: z.array(z.object({ unitId: z.string(), role: z.string() })),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
})
const tokenBody = z.object({
  name: z.string().trim().min(1, 'Beri nama token, misalnya "skrip laporan".').max(100),
  grants: z.array(tokenGrant).max(100).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
})

const profileBody = z.object({ locale: z.enum(['id', 'en']) })

export function registerMeRoutes(app: FastifyInstance, context: AppContext): void {
  app.patch(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Change your own profile (the language of the app); answers as GET /api/auth/me',
        body: profileBody,
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      await updateOwnProfile(
        context,
        actor,
        request.body as z.infer<typeof profileBody>,
        requestMeta(request),
      )
      return describeMe(context, actor, {
        csrfToken: request.auth?.csrfToken ?? null,
        twoFactorPending: request.auth?.restriction === 'verify_two_factor',
      })
    },
  )

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['me'],
        summary: 'Change your password (needs the current one; ends your other sessions)',
        body: passwordBody,
        response: { 200: z.object({ revokedSessions: z.number() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      return changeOwnPassword(
        context,
        actor,
        request.auth?.sessionId ?? null,
        request.body as z.infer<typeof passwordBody>,
        requestMeta(request),
      )
    },
  )

  app.get(
    '/me/two-factor',
    {
      schema: {
        tags: ['me'],
        summary: 'Two-factor status: enabled, required by your roles, recovery codes left',
        response: {
          200: z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number() }),
        },
      },
    },
    async (request) => twoFactorStatus(context, requireActor(request)),
  )

  app.post(
    '/me/two-factor/enrol',
    {
      schema: {
        tags: ['me'],
        summary: 'Start TOTP enrolment: a new secret, its otpauth:// URI and a QR code (data URL)',
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (request) => startTwoFactorEnrolment(context, requireActor(request)),
  )

  app.post(
    '/me/two-factor/confirm',
    {
      schema: {
        tags: ['me'],
        summary:
          'Confirm enrolment with a code from the app; returns 10 one-time recovery codes (shown once)',
        body: confirmBody,
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const body = request.body as z.infer<typeof confirmBody>
      return confirmTwoFactorEnrolment(
        context,
        actor,
        request.auth?.sessionId ?? null,
        body.code,
        requestMeta(request),
      )
    },
  )

  app.post(
    '/me/two-factor/recovery-codes',
    {
      schema: {
        tags: ['me'],
        summary: 'Replace your recovery codes (needs a current TOTP code)',
        body: confirmBody,
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const body = request.body as z.infer<typeof confirmBody>
      return regenerateRecoveryCodes(context, requireActor(request), body.code, requestMeta(request))
    },
  )

  app.post(
    '/me/two-factor/disable',
    {
      schema: {
        tags: ['me'],
        summary: 'Turn two-factor off (not allowed for admin and penanggung_jawab)',
        body: disableBody,
        response: { 200: ok },
      },
    },
    async (request) => {
      await disableTwoFactor(
        context,
        requireActor(request),
        request.body as z.infer<typeof disableBody>,
        requestMeta(request),
      )
      return { ok: true as const }
    },
  )

  app.get(
    '/me/sessions',
    {
      schema: {
        tags: ['me'],
        summary: 'Your active sessions',
        response: { 200: z.object({ items: z.array(sessionView) }) },
      },
    },
    async (request) => ({
      items: await listMySessions(context, requireActor(request), request.auth?.sessionId ?? null),
    }),
  )

  app.delete(
    '/me/sessions/:id',
    {
      schema: { tags: ['me'], summary: 'End one of your sessions', params: idParams, response: { 200: ok } },
    },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>
      await revokeMySession(context, requireActor(request), id, requestMeta(request))
      if (id === request.auth?.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return { ok: true as const }
    },
  )

  app.get(
    '/me/tokens',
    {
      schema: {
        tags: ['me'],
        summary: 'Your personal API tokens (values are never shown again)',
        response: { 200: z.object({ items: z.array(tokenView) }) },
      },
    },
    async (request) => ({ items: await listMyApiTokens(context, requireActor(request)) }),
  )

  app.post(
    '/me/tokens',
    {
      schema: {
        tags: ['me'],
        summary: 'Create a personal API token; the value (wrt_…) is returned once',
        body: tokenBody,
        response: { 200: z.object({ token: z.string(), apiToken: tokenView }) },
      },
    },
    async (request) => {
      const body = request.body as z.infer<typeof tokenBody>
      return createApiToken(
        context,
        requireActor(request),
        {
          name: body.name,
          grants: body.grants,
          expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
        },
        requestMeta(request),
      )
    },
  )

  app.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags: ['me'],
        summary: 'Revoke one of your API tokens',
        params: idParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      const { id } = request.params as z.infer<typeof idParams>
      await revokeMyApiToken(context, requireActor(request), id, requestMeta(request))
      return { ok: true as const }
    },
  )
}
