// The only place that turns domain error codes into HTTP statuses. Every error answer names a message key with
// its parameters (the web app renders it in the language on screen) and carries the text in the caller's
// language (Accept-Language: en → English, otherwise Bahasa Indonesia). Bad input is a 400 with per-field
// problems, never a 500; an unexpected error is logged in full and answered without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { isAppError } from '../features/app-error.ts'
import type { Locale } from '../shared/dates.ts'
import type {
  ApiErrorBody,
  ApiErrorCode,
  AppErrorCode,
  FieldProblems,
  RenderedProblem,
} from '../shared/errors.ts'
import { isMessageKey, type MessageKey } from '../shared/messages/catalogue.ts'
import { formatMessage, type MessageParams } from '../shared/messages/format-message.ts'

const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  two_factor_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  locked: 423,
  rate_limited: 429,
}

/** At most this many field problems are answered: a body of 400,000 keys must not become a 54 MB answer. */
export const MAX_ERROR_DETAILS = 50

export function requestLocale(request: Pick<FastifyRequest, 'headers'>): Locale {
  const header: string | undefined = request.headers['accept-language']
  return (header ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'id'
}

export function renderProblems(
  problems: FieldProblems | undefined,
  locale: Locale,
): Record<string, RenderedProblem> | undefined {
  if (!problems) return undefined
  const out: Record<string, RenderedProblem> = {}
  for (const [field, problem] of Object.entries(problems).slice(0, MAX_ERROR_DETAILS)) {
    out[field] = { ...problem, message: formatMessage(locale, problem.key, problem.params) }
  }
  return out
}

export function errorBody(
  locale: Locale,
  code: ApiErrorCode,
  key: MessageKey,
  params?: MessageParams,
  details?: FieldProblems,
): ApiErrorBody {
  return {
    error: {
      code,
      key,
      ...(params && Object.keys(params).length > 0 ? { params } : {}),
      message: formatMessage(locale, key, params),
      ...(details ? { details: renderProblems(details, locale) } : {}),
    },
  }
}

/** Zod issues → field problems. A schema message that is a catalogue key is used as is; otherwise by issue kind. */
export function zodProblems(error: ZodError): FieldProblems {
  const problems: Record<string, { key: MessageKey; params?: MessageParams }> = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_'
    if (problems[field]) continue
    if (Object.keys(problems).length >= MAX_ERROR_DETAILS) break
    problems[field] = problemOfIssue(issue)
  }
  return problems
}

function problemOfIssue(issue: ZodError['issues'][number]): { key: MessageKey; params?: MessageParams } {
  if (isMessageKey(issue.message)) return { key: issue.message }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.too_short', params: { minimum: Number(issue.minimum) } }
      if (issue.origin === 'array')
        return { key: 'validation.too_few', params: { minimum: Number(issue.minimum) } }
      return { key: 'validation.too_small', params: { minimum: Number(issue.minimum) } }
    case 'too_big':
      if (issue.origin === 'string')
        return { key: 'validation.too_long', params: { maximum: Number(issue.maximum) } }
      if (issue.origin === 'array')
        return { key: 'validation.too_many', params: { maximum: Number(issue.maximum) } }
      return { key: 'validation.too_big', params: { maximum: Number(issue.maximum) } }
    case 'invalid_value':
      return { key: 'validation.choose_one', params: { options: issue.values.map(String) } }
    case 'invalid_format':
      if (issue.format === 'uuid') return { key: 'validation.uuid' }
      if (issue.format === 'email') return { key: 'validation.email' }
      if (issue.format === 'url') return { key: 'validation.url' }
      if (issue.format === 'datetime') return { key: 'validation.datetime' }
      if (issue.format === 'date') return { key: 'validation.date' }
      return { key: 'common.text', params: { text: issue.message } }
    case 'unrecognized_keys':
      return { key: 'validation.unknown_field', params: { field: issue.keys.join(', ') } }
    case 'invalid_type':
      return issue.input === undefined ? { key: 'validation.required' } : { key: 'validation.invalid' }
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return { key: 'validation.invalid' }
  }
}

export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const locale = requestLocale(request)
  if (isAppError(error)) {
    return reply
      .status(STATUS[error.code])
      .send(errorBody(locale, error.code, error.key, error.params, error.details))
  }
  const validation = (error as FastifyError & { cause?: unknown }).cause
  if (error instanceof ZodError || validation instanceof ZodError) {
    const details = zodProblems(error instanceof ZodError ? error : (validation as ZodError))
    const summary = Object.entries(details)
      .slice(0, 5)
      .map(([field, problem]) => `${field}: ${formatMessage(locale, problem.key, problem.params)}`)
      .join('; ')
    return reply
      .status(400)
      .send(errorBody(locale, 'invalid_input', 'common.check_fields', { summary }, details))
  }
  const fastifyError = error as FastifyError
  if (fastifyError.statusCode === 413) {
    return reply
      .status(413)
      .send(errorBody(locale, 'payload_too_large', 'common.body_too_large', { limit: '' }))
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply
      .status(fastifyError.statusCode)
      .send(errorBody(locale, 'invalid_input', 'common.text', { text: fastifyError.message }))
  }
  request.log.error({ err: error }, 'unhandled error')
  return reply.status(500).send(errorBody(locale, 'internal', 'common.internal'))
}
