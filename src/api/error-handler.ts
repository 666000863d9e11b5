// The only place that turns domain error codes into HTTP statuses. Bad input is a 400 with field details,
// never a 500; an unexpected error is logged in full and answered without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { isAppError, type AppErrorCode } from '../features/app-error.ts'

const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  two_factor_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  locked: 423,
  rate_limited: 429,
}

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, string> | undefined }
}

export function zodDetails(error: ZodError): Record<string, string> {
  const details: Record<string, string> = {}
  for (const issue of error.issues) details[issue.path.join('.') || '_'] ??= issue.message
  return details
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isAppError(error)) {
    return reply.status(STATUS[error.code]).send({ error: { code: error.code, message: error.message, details: error.details } } satisfies ErrorBody)
  }
  const validation = (error as FastifyError & { validationContext?: string; cause?: unknown }).cause
  if (error instanceof ZodError || validation instanceof ZodError) {
    const zodError = error instanceof ZodError ? error : (validation as ZodError)
    const details = zodDetails(zodError)
    const summary = Object.entries(details)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ')
    return reply
      .status(400)
      .send({ error: { code: 'invalid_input', message: `Periksa isian: ${summary}`, details } } satisfies ErrorBody)
  }
  const fastifyError = error as FastifyError
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply
      .status(fastifyError.statusCode)
      .send({ error: { code: fastifyError.code ?? 'invalid_input', message: fastifyError.message } } satisfies ErrorBody)
  }
  request.log.error({ err: error }, 'unhandled error')
  return reply
    .status(500)
    .send({ error: { code: 'internal', message: 'Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin.' } } satisfies ErrorBody)
}
