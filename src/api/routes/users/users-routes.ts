// Users and their role grants on units (admin work; user.read / user.manage through the policy).
import type { AppContext } from '../../../context.ts'
import {
  createUser,
  getUser,
  grantRole,
  listUsers,
  resetUserPassword,
  resetUserTwoFactor,
  revokeRole,
  setTrainingMode,
  updateUserProfile,
} from '../../../features/users/manage-users.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams, ok } from '../shared-schemas.ts'
import {
  createBody,
  createdUserView,
  grantBody,
  grantParams,
  listQuery,
  revokedGrantView,
  temporaryPasswordView,
  trainingModeBody,
  updateBody,
  userList,
  userView,
} from './users-schemas.ts'

export function registerUsersRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users you may see (holding roles in your units), with their role grants',
        querystring: listQuery,
        response: { 200: userList },
      },
    },
    async (request) => {
      const { q } = request.query
      return { items: await listUsers(context, requireActor(request), q) }
    },
  )

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (without a password a temporary one is generated and returned once)',
        body: createBody,
        response: { 200: createdUserView },
      },
    },
    async (request) => createUser(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user with role grants',
        params: idParams,
        response: { 200: userView },
      },
    },
    async (request) => getUser(context, requireActor(request), request.params.id),
  )

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          'Change a user’s name, e-mail or language, or disable or enable them (disabling ends their sessions; both revoke their API tokens)',
        params: idParams,
        body: updateBody,
        response: { 200: userView },
      },
    },
    async (request) =>
      updateUserProfile(
        context,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  )

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary:
          'Set a temporary password (returned once) that must be changed at next login; ends the user’s sessions',
        params: idParams,
        response: { 200: temporaryPasswordView },
      },
    },
    async (request) =>
      resetUserPassword(context, requireActor(request), request.params.id, requestMeta(request)),
  )

  app.put(
    '/users/:id/training-mode',
    {
      schema: {
        tags: ['users'],
        summary:
          'Switch Mode Latihan on or off for a user: while on, their posts may only target sandbox accounts (audited)',
        params: idParams,
        body: trainingModeBody,
        response: { 200: userView },
      },
    },
    async (request) =>
      setTrainingMode(
        context,
        requireActor(request),
        request.params.id,
        request.body.enabled,
        requestMeta(request),
      ),
  )

  app.post(
    '/users/:id/reset-two-factor',
    {
      schema: {
        tags: ['users'],
        summary: 'Turn off a user’s 2FA (lost phone); they must enrol again at next login',
        params: idParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      await resetUserTwoFactor(context, requireActor(request), request.params.id, requestMeta(request))
      return { ok: true as const }
    },
  )

  app.post(
    '/users/:id/grants',
    {
      schema: {
        tags: ['users'],
        summary: 'Grant a role on a unit (holds for the units below)',
        params: idParams,
        body: grantBody,
        response: { 200: userView },
      },
    },
    async (request) =>
      grantRole(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )

  app.delete(
    '/users/:id/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        summary:
          'Revoke a role grant; answers the user, or user null when the revoke took them out of your units',
        params: grantParams,
        response: { 200: revokedGrantView },
      },
    },
    async (request) => {
      const params = request.params
      return revokeRole(context, requireActor(request), params.id, params.grantId, requestMeta(request))
    },
  )
}
