// First-run setup.
import { z } from 'zod'
import { ROLES } from '../../../shared/roles.ts'

export const setupNeededView = z.object({ needed: z.boolean() })

export const setupBody = z.object({
  instansiName: z.string().trim().min(3).max(200),
  slug: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'validation.slug'),
  rootUnitName: z.string().trim().min(2).max(200),
  rootUnitCode: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'validation.unit_code'),
  adminName: z.string().trim().min(1).max(200),
  adminEmail: z.email().max(320),
  adminPassword: z.string().min(1).max(1024),
})

export const setupDoneView = z.object({
  instansiId: z.string(),
  rootUnitId: z.string(),
  userId: z.string(),
  csrfToken: z.string(),
  mustEnrolTwoFactor: z.boolean(),
})

export const demoSetupView = setupDoneView.extend({
  counts: z.object({
    units: z.number(),
    users: z.number(),
    accounts: z.number(),
    posts: z.number(),
    published: z.number(),
    scheduled: z.number(),
    inReview: z.number(),
    drafts: z.number(),
  }),
  /** Shown once: the generated passwords are stored nowhere else. */
  logins: z.array(
    z.object({
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      unitName: z.string(),
      password: z.string(),
      trainingMode: z.boolean(),
      twoFactorRequired: z.boolean(),
    }),
  ),
})
