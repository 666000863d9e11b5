// Test support for connectors without a local peer: an msw server (it intercepts global fetch and node:https)
// where every request no handler answers fails the test — msw answers it with an error, and the request is also
// listed and asserted empty after each test, so a connector that swallows the error cannot hide it.
// msw 3 names the option `onUnhandledFrame` (2.x called it `onUnhandledRequest`).
import type { RequestHandler } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'

export function strictMockServer(...handlers: RequestHandler[]): SetupServer {
  const unhandled: string[] = []
  const server = setupServer(...handlers)
  beforeAll(() =>
    server.listen({
      onUnhandledFrame: ({ frame, defaults }) => {
        const request = (frame.data as { request?: Request } | undefined)?.request
        unhandled.push(request ? `${request.method} ${request.url}` : frame.protocol)
        defaults.error()
      },
    }),
  )
  afterEach(() => {
    server.resetHandlers()
    expect(unhandled.splice(0), 'requests no handler expected').toEqual([])
  })
  afterAll(() => server.close())
  return server
}
