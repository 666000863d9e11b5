// The one error type features throw. `code` is domain vocabulary (api/error-handler.ts alone maps it to HTTP);
// `key` and `params` name the message in the shared catalogue (src/shared/messages), so every interface shows
// it in the person's language; `details` says what is wrong with each field.
import type { AppErrorCode, FieldProblems, Problem } from '../shared/errors.ts'
import type { MessageKey } from '../shared/messages/catalogue.ts'
import { formatMessage, type MessageParams } from '../shared/messages/format-message.ts'

export type { AppErrorCode, FieldProblems, Problem } from '../shared/errors.ts'

/** A field problem: `problem('validation.required')`. */
export function problem(key: MessageKey, params?: MessageParams): Problem {
  return params ? { key, params } : { key }
}

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly key: MessageKey
  readonly params: MessageParams
  readonly details: FieldProblems | undefined

  constructor(code: AppErrorCode, key: MessageKey, params: MessageParams = {}, details?: FieldProblems) {
    super(formatMessage('id', key, params))
    this.name = 'AppError'
    this.code = code
    this.key = key
    this.params = params
    this.details = details
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
