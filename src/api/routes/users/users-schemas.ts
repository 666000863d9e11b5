// Users and their role grants on units.
import { z } from 'zod'
import { ROLES } from '../../../features/access/policy.ts'
import { grantView, LOCALES } from '../shared-schemas.ts'

export const userView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    trainingMode: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    grants: z.array(grantView),
  })
  .meta({ id: 'User' })
export const userList = z.object({ items: z.array(userView) })

export const trainingModeBody = z.object({ enabled: z.boolean() })

export const grantParams = z.object({ id: z.uuid(), grantId: z.uuid() })
export const listQuery = z.object({ q: z.string().max(200).optional() })
const locale = z.enum(LOCALES)
export const grantBody = z.object({ unitId: z.uuid(), role: z.enum(ROLES) })
export const createBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024).optional(),
  locale: locale.optional(),
  grants: z.array(grantBody).max(50).default([]),
})
export const updateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  locale: locale.optional(),
  disabled: z.boolean().optional(),
})
export const createdUserView = z.object({ user: userView, temporaryPassword: z.string().nullable() })
export const temporaryPasswordView = z.object({ temporaryPassword: z.string() })

export const revokedGrantView = z.object({ revoked: z.literal(true), user: userView.nullable() })
