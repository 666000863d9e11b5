// The signed-in user's own security settings: password, two-factor, sessions and API tokens.
import { z } from 'zod'

const code = z.string().trim().min(6).max(10)

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
})
export const passwordChangedView = z.object({ revokedSessions: z.number(), revokedTokens: z.number() })

export const codeBody = z.object({ code })
export const disableBody = z.object({
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
})
export const twoFactorStatusView = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number(),
})
export const enrolmentView = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() })
export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) })

export const sessionView = z
  .object({
    id: z.string(),
    current: z.boolean(),
    method: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' })
export const sessionList = z.object({ items: z.array(sessionView) })

export const tokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    hint: z.string(),
    grants: z.array(z.object({ unitId: z.string(), role: z.string() })),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiToken' })
export const tokenList = z.object({ items: z.array(tokenView) })
export const tokenBody = z.object({
  name: z.string().trim().min(1, 'auth.token_name_required').max(100),
  grants: z
    .array(z.object({ unitId: z.uuid(), role: z.string().min(1).max(50) }))
    .max(100)
    .optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
})
export const createdTokenView = z.object({ token: z.string(), apiToken: tokenView })

export const profileBody = z.object({
  locale: z.enum(['id', 'en']).optional(),
  notificationEmail: z.enum(['immediately', 'daily', 'none']).optional(),
})
