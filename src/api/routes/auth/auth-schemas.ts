// Sign-in: the login form, the second factor, and the signed-in user's own view.
import { z } from 'zod'
import { ACTIONS } from '../../../features/access/policy.ts'
import { grantView } from '../shared-schemas.ts'

export const loginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
})

export const secondFactorBody = z.object({
  totp: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
})

export const authOptionsView = z.object({
  oidc: z.object({ label: z.string() }).nullable(),
  /** Whether "Lupa kata sandi?" can mail a reset link (SMTP is configured). */
  passwordReset: z.boolean(),
})

export const passwordResetRequestBody = z.object({ email: z.string().trim().min(3).max(320) })
export const passwordResetBody = z.object({
  token: z.string().trim().min(20, 'auth.reset_link_invalid_field').max(200),
  password: z.string().min(1).max(1024),
})
export const passwordResetView = z.object({ lockedUntil: z.string().nullable() })

export const meView = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      notificationEmail: z
        .enum(['immediately', 'daily', 'none'])
        .describe('How notifications reach you by e-mail: each at once, a daily digest, or not at all'),
      twoFactorEnabled: z.boolean(),
      mustChangePassword: z.boolean(),
      lastLoginAt: z.string().nullable(),
      trainingMode: z.boolean().describe('Mode Latihan: your posts go only to sandbox accounts'),
    }),
    demo: z.boolean().describe('This deployment holds demo data ("Data contoh"), not a real instansi'),
    instansi: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    grants: z.array(grantView),
    allowedActions: z.array(z.enum(ACTIONS)),
    csrfToken: z.string().nullable(),
    mustEnrolTwoFactor: z.boolean(),
    twoFactorPending: z.boolean(),
    via: z.enum(['session', 'token', 'cli']),
  })
  .meta({ id: 'Me' })

export const oidcCallbackQuery = z
  .object({ code: z.string().max(8000).optional(), state: z.string().max(8000).optional() })
  .loose()

/** A redirect: no body, the Location header says where. */
export const redirectView = z.undefined().describe('Redirect (see the Location header)')
