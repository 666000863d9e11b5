// The error vocabulary of the API, shared with the web app. Features throw AppError with one of the domain codes;
// api/error-handler.ts alone maps codes to HTTP statuses. Every error names a message key with parameters, so
// the web app shows it in the language on screen; `message` is the same text in the caller's language, for
// API clients and logs. A leaf module (with the message catalogue): it imports nothing else.
import type { MessageKey } from './messages/catalogue.ts'
import type { MessageParams } from './messages/format-message.ts'

export const APP_ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'rate_limited',
  'two_factor_required',
  'precondition_failed',
  'payload_too_large',
  // A platform Warta talks to did not answer (connecting an account); try again later.
  'unavailable',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/** Codes only the HTTP edge answers (authentication gates and the server itself). */
export type EdgeErrorCode = 'csrf_failed' | 'password_change_required' | 'internal'
export type ApiErrorCode = AppErrorCode | EdgeErrorCode

/** What is wrong with one field (or CSV cell): a message key and its parameters. */
export interface Problem {
  key: MessageKey
  params?: MessageParams | undefined
}

/** Field path (e.g. `handle`, `pengelola.0.userId`) → what is wrong with it. */
export type FieldProblems = Readonly<Record<string, Problem>>

export interface RenderedProblem extends Problem {
  /** The problem in the caller's language. */
  message: string
}

/** The body of every error answer of the API. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode
    key: MessageKey
    params?: MessageParams | undefined
    message: string
    details?: Record<string, RenderedProblem> | undefined
  }
}
