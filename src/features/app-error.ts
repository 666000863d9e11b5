// The one error type features throw. `code` is domain vocabulary; api/error-handler.ts alone maps it to HTTP.
export type AppErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'two_factor_required'
  | 'precondition_failed'

export class AppError extends Error {
  readonly code: AppErrorCode
  /** Field-level problems for forms: path → message (Bahasa Indonesia or English per the request locale). */
  readonly details: Record<string, string> | undefined

  constructor(code: AppErrorCode, message: string, details?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
