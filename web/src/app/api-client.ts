// The one way the web app talks to the API: same-origin cookies, JSON in and out, the CSRF token on every
// mutation, and API errors turned into ApiError so forms can show the per-field `details`.

export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, { message?: string } | string> }
}

function detailTexts(
  details: Record<string, { message?: string } | string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, value] of Object.entries(details ?? {}))
    out[field] = typeof value === 'string' ? value : (value.message ?? '')
  return out
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, string>

  constructor(status: number, code: string, message: string, details: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

let csrfToken: string | null = null

/** Set from `/api/auth/me` or the login answer; sent as X-CSRF-Token on every mutation. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

async function send(
  method: Method,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
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
            : (body as string),
    })
  } catch {
    throw new ApiError(0, 'network', 'network')
  }
  if (!response.ok) {
    let parsed: ApiErrorBody = {}
    try {
      parsed = (await response.json()) as ApiErrorBody
    } catch {
      // A proxy error page or an empty body: the status alone tells the user enough.
    }
    throw new ApiError(
      response.status,
      parsed.error?.code ?? String(response.status),
      parsed.error?.message ?? response.statusText,
      detailTexts(parsed.error?.details),
    )
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

/** Fetches a file (CSV export) and hands it to the browser as a download. */
export async function apiDownload(path: string, fileName: string): Promise<void> {
  const response = await send('GET', path)
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
}
