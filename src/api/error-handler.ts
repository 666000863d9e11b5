// The only place that turns domain error codes into HTTP statuses. Every error answer names a message key with
// its parameters (the web app renders it in the language on screen) and carries the text in the caller's
// language (Accept-Language: en → English, otherwise Bahasa Indonesia). Bad input is a 400 with per-field
// problems, never a 500; an unexpected error is logged in full and answered without internals.
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify'
import { ZodError } from 'zod'
import { isAppError } from '../features/app-error.ts'
import type { Locale } from '../shared/dates.ts'
import type {
  ApiErrorBody,
  ApiErrorCode,
  AppErrorCode,
  FieldProblems,
  Problem,
  RenderedProblem,
} from '../shared/errors.ts'
import { isMessageKey, type MessageKey } from '../shared/messages/catalogue.ts'
import { formatMessage, type MessageParams } from '../shared/messages/format-message.ts'
import { cliText } from '../cli/cli-text.ts'

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
  unavailable: 503,
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

/** Field paths and texts taken from the request are cut to this length: the answer stays small whatever was sent. */
const MAX_FIELD_LENGTH = 100
const MAX_TEXT_LENGTH = 200

/** Cuts a text taken from the request to `max` characters and replaces what cannot be sent back (NUL, lone surrogates). */
export function boundedText(text: string, max = MAX_TEXT_LENGTH): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text
  return cut.replaceAll('\u0000', '\\0').toWellFormed()
}

function fieldName(path: readonly PropertyKey[]): string {
  return boundedText(path.map(String).join('.') || '_', MAX_FIELD_LENGTH)
}

type Issue = ZodError['issues'][number]

/** Zod issues → field problems (the first problem of each field, at most MAX_ERROR_DETAILS fields). */
export function zodProblems(issues: readonly Issue[]): FieldProblems {
  const problems: Record<string, Problem> = {}
  let count = 0
  for (const issue of issues) {
    const field = fieldName(issue.path)
    if (Object.hasOwn(problems, field)) continue
    if (count >= MAX_ERROR_DETAILS) break
    problems[field] = problemOfIssue(issue)
    count++
  }
  return problems
}

/**
 * The provider reports a failed zod validation as Fastify validation errors: the zod issue's code as `keyword`,
 * its path as `instancePath` (`/pengelola/0/userId`) and the rest of the issue in `params`. This turns them
 * back into issues.
 */
function issuesOfValidation(validation: readonly FastifySchemaValidationError[]): Issue[] {
  return validation.map(
    (error) =>
      ({
        ...error.params,
        code: error.keyword,
        message: error.message ?? '',
        path: error.instancePath
          .split('/')
          .slice(1)
          .filter((segment) => segment !== ''),
      }) as unknown as Issue,
  )
}

function problemOfIssue(issue: Issue): Problem {
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
      return {
        key: 'validation.choose_one',
        params: { options: issue.values.slice(0, 20).map((value) => boundedText(String(value), 40)) },
      }
    case 'invalid_format':
      if (issue.format === 'uuid') return { key: 'validation.uuid' }
      if (issue.format === 'email') return { key: 'validation.email' }
      if (issue.format === 'url') return { key: 'validation.url' }
      if (issue.format === 'datetime') return { key: 'validation.datetime' }
      if (issue.format === 'date') return { key: 'validation.date' }
      return { key: 'validation.invalid' }
    case 'unrecognized_keys':
      return { key: 'validation.unknown_field', params: { field: unknownKeys(issue.keys) } }
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

function unknownKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => boundedText(key, 40))
  return keys.length > shown.length ? `${shown.join(', ')}, … (${keys.length})` : shown.join(', ')
}

/** The answer to bad input: a short summary of the first few fields, and the field problems. */
function invalidInput(locale: Locale, details: FieldProblems): ApiErrorBody {
  const summary = Object.entries(details)
    .slice(0, 5)
    .map(([field, problem]) => `${field}: ${formatMessage(locale, problem.key, problem.params)}`)
    .join('; ')
  return errorBody(
    locale,
    'invalid_input',
    'common.check_fields',
    { summary: boundedText(summary, 600) },
    details,
  )
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
  const fastifyError = error as FastifyError
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    return reply
      .status(400)
      .send(invalidInput(locale, zodProblems(issuesOfValidation(fastifyError.validation))))
  }
  if (error instanceof ZodError)
    return reply.status(400).send(invalidInput(locale, zodProblems(error.issues)))
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) {
    const limit = request.routeOptions.bodyLimit
    return reply.status(413).send(
      errorBody(locale, 'payload_too_large', 'common.body_too_large', {
        kilobytes: Math.floor((limit ?? 0) / 1024),
      }),
    )
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.status(415).send(
      errorBody(locale, 'invalid_input', 'common.unsupported_media_type', {
        type: boundedText(request.headers['content-type'] ?? '', 100),
      }),
    )
  }
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return reply.status(400).send(errorBody(locale, 'invalid_input', 'common.invalid_json'))
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply
      .status(fastifyError.statusCode)
      .send(errorBody(locale, 'invalid_input', 'common.text', { text: boundedText(fastifyError.message) }))
  }
  request.log.error({ err: error }, cliText('cli.log_unhandled_error'))
  return reply.status(500).send(errorBody(locale, 'internal', 'common.internal'))
}
