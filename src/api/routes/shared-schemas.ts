// Schema building blocks used by several resources, and the error body every route may answer.
import { z } from 'zod'
import { APP_ERROR_CODES, type ApiErrorCode } from '../../shared/errors.ts'

export const ok = z.object({ ok: z.literal(true) })

/** A calendar date as people and the database write it: 2026-10-12. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')

export const idParams = z.object({ id: z.uuid() })

export const LOCALES = ['id', 'en'] as const

/** A role grant, the same wherever it appears (src/features/access/grant-view.ts). */
export const grantView = z
  .object({
    id: z.string(),
    role: z.string(),
    unitId: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    unitPath: z.string(),
  })
  .meta({ id: 'Grant' })

const API_ERROR_CODES = [
  ...APP_ERROR_CODES,
  'csrf_failed',
  'password_change_required',
  'internal',
] as const satisfies readonly ApiErrorCode[]

export const messageParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()).readonly()]),
)

/** A problem named by a message key with its parameters, and its text in the caller's language. */
export const renderedProblem = z.object({
  key: z.string(),
  params: messageParams.optional(),
  message: z.string(),
})

/** The body of every error answer (src/shared/errors.ts ApiErrorBody); documented on every route as 4XX/5XX. */
export const apiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      key: z.string().describe('Message key of the catalogue in src/shared/messages'),
      params: messageParams.optional(),
      message: z.string().describe("The message in the caller's language (Accept-Language)"),
      details: z
        .record(
          z.string(),
          z.object({ key: z.string(), params: messageParams.optional(), message: z.string() }),
        )
        .optional()
        .describe('Field path → what is wrong with it (at most 50 fields)'),
    }),
  })
  .meta({ id: 'ApiError', description: 'Error' })
