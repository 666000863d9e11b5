// Users and their role grants on units (admin work; user.read / user.manage through the policy).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import { ROLES } from '../../../features/access/policy.ts'
import {
  createUser,
  getUser,
  grantRole,
  listUsers,
  resetUserPassword,
  resetUserTwoFactor,
  revokeRole,
  updateUserProfile,
} from '../../../features/users/manage-users.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  disabled: z.boolean(),
  twoFactorEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(
    z.object({
      id: z.string(),
      unitId: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      role: z.string(),
    }),
  ),
})

const idParams = z.object({ id: z.uuid() })
const grantParams = z.object({ id: z.uuid(), grantId: z.uuid() })
const listQuery = z.object({ q: z.string().max(200).optional() })
const locale = z.enum(['id', 'en'])
const grantBody = z.object({ unitId: z.uuid(), role: z.enum(ROLES) })
const createBody = z.object({
  email: z.email('Alamat e-mail tidak valid.').max(320),
  name: z.string().trim().min(1, 'Nama wajib diisi.').max(200),
  password: z.string().min(1).max(1024).optional(),
  locale: locale.optional(),
  grants: z.array(grantBody).max(50).default([]),
})
const updateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: locale.optional(),
  disabled: z.boolean().optional(),
})

export function registerUsersRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users you may see (holding roles in your units), with their role grants',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(userView) }) },
      },
    },
    async (request) => {
      const { q } = request.query as z.infer<typeof listQuery>
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
        response: { 200: z.object({ user: userView, temporaryPassword: z.string().nullable() }) },
      },
    },
    async (request) =>
      createUser(
        context,
        requireActor(request),
        request.body as z.infer<typeof createBody>,
        requestMeta(request),
      ),
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
    async (request) =>
      getUser(context, requireActor(request), (request.params as z.infer<typeof idParams>).id),
  )

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Rename, change language, disable or enable a user',
        params: idParams,
        body: updateBody,
        response: { 200: userView },
      },
    },
    async (request) =>
      updateUserProfile(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        request.body as z.infer<typeof updateBody>,
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
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (request) =>
      resetUserPassword(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
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
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await resetUserTwoFactor(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        requestMeta(request),
      )
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
      grantRole(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        request.body as z.infer<typeof grantBody>,
        requestMeta(request),
      ),
  )

  app.delete(
    '/users/:id/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        summary:
          'Revoke a role grant; answers the user, or user null when the revoke took them out of your units',
        params: grantParams,
        response: { 200: z.object({ revoked: z.literal(true), user: userView.nullable() }) },
      },
    },
    async (request) => {
      const params = request.params as z.infer<typeof grantParams>
      return revokeRole(context, requireActor(request), params.id, params.grantId, requestMeta(request))
    },
  )
}
