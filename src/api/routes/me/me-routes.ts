// The signed-in user's own security settings: password, two-factor authentication, sessions and API tokens.
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
import { requestMeta, requireActor } from '../../request-context.ts'
import { meView } from '../auth/auth-schemas.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams, ok } from '../shared-schemas.ts'
import {
  codeBody,
  createdTokenView,
  disableBody,
  enrolmentView,
  passwordBody,
  passwordChangedView,
  profileBody,
  recoveryCodesView,
  sessionList,
  tokenBody,
  tokenList,
  twoFactorStatusView,
} from './me-schemas.ts'

export function registerMeRoutes(app: ApiInstance, context: AppContext): void {
  app.patch(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary:
          'Change your own profile (the language of the app, how notifications are e-mailed); answers as GET /api/auth/me',
        body: profileBody,
        response: { 200: meView },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      await updateOwnProfile(context, actor, request.body, requestMeta(request))
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
        response: { 200: passwordChangedView },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      return changeOwnPassword(
        context,
        actor,
        request.auth?.sessionId ?? null,
        request.body,
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
        response: { 200: twoFactorStatusView },
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
        response: { 200: enrolmentView },
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
        body: codeBody,
        response: { 200: recoveryCodesView },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      const body = request.body
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
        body: codeBody,
        response: { 200: recoveryCodesView },
      },
    },
    async (request) => {
      const body = request.body
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
      await disableTwoFactor(context, requireActor(request), request.body, requestMeta(request))
      return { ok: true as const }
    },
  )

  app.get(
    '/me/sessions',
    {
      schema: {
        tags: ['me'],
        summary: 'Your active sessions',
        response: { 200: sessionList },
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
      const { id } = request.params
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
        response: { 200: tokenList },
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
        response: { 200: createdTokenView },
      },
    },
    async (request) => {
      const body = request.body
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
      const { id } = request.params
      await revokeMyApiToken(context, requireActor(request), id, requestMeta(request))
      return { ok: true as const }
    },
  )
}
