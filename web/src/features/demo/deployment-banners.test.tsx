import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen } from '@testing-library/react'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import { testMe } from '../../test-support/me-fixture.ts'

function serve(me: ReturnType<typeof testMe>) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me },
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the shell banners', () => {
  it('say "Data contoh" on a demo deployment, and nothing on a real one', async () => {
    serve(testMe({ demo: true }))
    const { unmount } = renderAppAt('/')
    expect((await screen.findByTestId('demo-banner')).textContent).toContain('Data contoh')
    expect(screen.queryByTestId('training-banner')).toBeNull()
    unmount()

    serve(testMe())
    renderAppAt('/')
    await screen.findByRole('heading', { level: 1 })
    expect(screen.queryByTestId('demo-banner')).toBeNull()
  })

  it('tell a trainee that Mode Latihan is on, in English too', async () => {
    serve(testMe({ user: { trainingMode: true, locale: 'en' } }))
    renderAppAt('/', { locale: 'en' })
    const banner = await screen.findByTestId('training-banner')
    expect(banner.textContent).toContain('Mode Latihan')
    expect(banner.textContent).toContain('sandbox accounts')
  })
})
