// The one error type features throw. `code` is domain vocabulary (api/error-handler.ts alone maps it to HTTP);
// `key` and `params` name the message in the shared catalogue (src/shared/messages), so every interface shows
// it in the person's language; `details` says what is wrong with each field.
import type { AppErrorCode, FieldProblems, Problem } from '../shared/errors.ts'
import { isMessageKey, type MessageKey } from '../shared/messages/catalogue.ts'
import { formatMessage, type MessageParams } from '../shared/messages/format-message.ts'

export type { AppErrorCode, FieldProblems, Problem } from '../shared/errors.ts'

/** A field problem: `problem('validation.required')`. */
export function problem(key: MessageKey, params?: MessageParams): Problem {
  return params ? { key, params } : { key }
}

/** Transitional: a text that is not yet a catalogue key is carried verbatim as `common.text`. */
type LegacyText = string & { readonly legacyText?: never }

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly key: MessageKey
  readonly params: MessageParams
  readonly details: FieldProblems | undefined

  constructor(
    code: AppErrorCode,
    key: MessageKey | LegacyText,
    params?: MessageParams,
    details?: FieldProblems,
  ) {
    const known = isMessageKey(key)
    const messageKey: MessageKey = known ? key : 'common.text'
    const messageParams: MessageParams = known ? (params ?? {}) : { text: key }
    super(formatMessage('id', messageKey, messageParams))
    this.name = 'AppError'
    this.code = code
    this.key = messageKey
    this.params = messageParams
    // Legacy form: new AppError(code, 'Indonesian text', { field: 'Indonesian text' }).
    this.details = known ? details : legacyDetails(params)
  }
}

function legacyDetails(details: MessageParams | undefined): FieldProblems | undefined {
  if (!details) return undefined
  const out: Record<string, Problem> = {}
  for (const [field, text] of Object.entries(details))
    out[field] = { key: 'common.text', params: { text: String(text) } }
  return out
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
