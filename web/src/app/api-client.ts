// The one way the web app talks to the API: same-origin cookies, JSON in and out, the CSRF token on every
// mutation, the language on screen as Accept-Language, and API errors turned into ApiError. An ApiError keeps
// the message key and parameters of the error contract (src/shared/errors.ts) so the app renders it in the
// language on screen, not in the language the server happened to answer in.
import type { ApiErrorBody, RenderedProblem } from '../../../src/shared/errors.ts'
import type { Locale } from '../../../src/shared/dates.ts'
import type { MessageParams } from '../../../src/shared/messages/format-message.ts'

/** One field's problem as the API sends it; `key` may name a message this build does not know yet. */
export interface FieldProblem {
  key: string
  params?: MessageParams | undefined
  message: string
}

type RawDetails = Record<string, Partial<RenderedProblem> | string> | undefined

function fieldProblems(details: RawDetails): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {}
  for (const [field, value] of Object.entries(details ?? {})) {
    // An older server sent plain text per field; it is kept as a literal text.
    out[field] =
      typeof value === 'string'
        ? { key: 'common.text', params: { text: value }, message: value }
        : { key: value.key ?? 'common.text', params: value.params, message: value.message ?? '' }
  }
  return out
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly key: string
  readonly params: MessageParams | undefined
  readonly details: Readonly<Record<string, FieldProblem>>

  constructor(
    status: number,
    code: string,
    init: {
      key?: string | undefined
      params?: MessageParams | undefined
      message?: string | undefined
      details?: Record<string, FieldProblem>
    } = {},
  ) {
    super(init.message ?? code)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.key = init.key ?? ''
    this.params = init.params
    this.details = init.details ?? {}
  }
}

/** Network failures (server down, offline) carry this code and status 0. */
export const NETWORK_ERROR = 'network'

let csrfToken: string | null = null
let requestLocale: Locale = 'id'

/** Set from `/api/auth/me` or the login answer; sent as X-CSRF-Token on every mutation. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** The language on screen, sent as Accept-Language so the server's own `message` texts match it. */
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

async function send(
  method: Method,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': requestLocale }
  if (body !== undefined) headers['Content-Type'] = contentType
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        body === undefined
          ? undefined
          : contentType === 'application/json'
            ? JSON.stringify(body)
            : (body as string | Blob),
    })
  } catch {
    throw new ApiError(0, NETWORK_ERROR)
  }
  if (!response.ok) {
    let parsed: Partial<ApiErrorBody> = {}
    try {
      parsed = (await response.json()) as Partial<ApiErrorBody>
    } catch {
      // A proxy error page or an empty body: the status alone tells the user enough.
    }
    const error = parsed.error
    throw new ApiError(response.status, error?.code ?? String(response.status), {
      key: error?.key,
      params: error?.params,
      message: error?.message ?? response.statusText,
      details: fieldProblems(error?.details),
    })
  }
  return response
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body)
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Sends raw text (CSV import) and reads JSON back. */
export async function apiUploadText<T>(path: string, text: string, contentType = 'text/csv'): Promise<T> {
  const response = await send('POST', path, text, contentType)
  return (await response.json()) as T
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Fetches a file (CSV export) and hands it to the browser as a download. */
export async function apiDownload(path: string, fileName: string): Promise<void> {
  const response = await send('GET', path)
  saveBlob(await response.blob(), fileName)
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
}

/** Sends a file as the raw body (media upload: the server reads its type from the bytes) and reads JSON back. */
export async function apiUploadFile<T>(path: string, file: Blob): Promise<T> {
  const response = await send('POST', path, file, file.type || 'application/octet-stream')
  return (await response.json()) as T
}
