// Renders a component inside the app's providers (Mantine, language, query cache, modals), and the whole app at
// an address, for the web component tests.
import { render } from '@testing-library/react'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { AppProviders } from '../app/app-providers.tsx'
import { createQueryClient } from '../app/query-client.ts'
import { createAppRouter } from '../app/router.tsx'
import type { Locale } from '../i18n/i18n.tsx'

function testQueryClient() {
  const client = createQueryClient()
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
    mutations: { retry: false },
  })
  return client
}

export function renderWithProviders(ui: ReactNode, { locale = 'id' }: { locale?: Locale } = {}) {
  const queryClient = testQueryClient()
  return {
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} initialLocale={locale}>
        {ui}
      </AppProviders>,
    ),
  }
}

export function renderAppAt(path: string, { locale }: { locale?: Locale } = {}) {
  const queryClient = testQueryClient()
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }))
  return {
    router,
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} {...(locale ? { initialLocale: locale } : {})}>
        <RouterProvider router={router} />
      </AppProviders>,
    ),
  }
}

interface Answer {
  status: number
  body: unknown
}

/**
 * A fake API answering by method and path ("GET /api/units" or just "/api/units" for any method); anything else is
 * an empty list. Returns the requests it saw, bodies parsed.
 */
export function fakeApi(routes: Record<string, Answer | Answer[]>) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = []
  const fetchMock = async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    const path = input.split('?')[0]!
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    calls.push({ method, path: input, body, headers: (init?.headers ?? {}) as Record<string, string> })
    const route = routes[`${method} ${path}`] ?? routes[path]
    const answer = Array.isArray(route) ? (route.shift() ?? { status: 500, body: {} }) : route
    const { status, body: payload } = answer ?? { status: 200, body: { items: [] } }
    return new Response(JSON.stringify(payload), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })
  }
  return { calls, fetchMock }
}
