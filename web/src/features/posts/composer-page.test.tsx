import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import { testMe } from '../../test-support/me-fixture.ts'

const MASTODON = 'acc-mastodon'
// A 100-character link: Mastodon counts it as 23 whatever its length.
const LINK = `https://dinkes.example.go.id/${'a'.repeat(71)}`

function serve(locale: 'id' | 'en') {
  const me = testMe({ user: { locale }, allowedActions: ['post.create', 'post.read'] })
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me },
    'GET /api/posts/targets': {
      status: 200,
      body: {
        items: [
          {
            id: MASTODON,
            platform: 'mastodon',
            handle: 'humas@mastodon.go.id',
            displayName: 'Humas',
            unit: { id: 'root', name: 'Sekretariat Daerah' },
          },
        ],
      },
    },
    'POST /api/posts/check': { status: 200, body: { base: [], variants: [] } },
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
}

afterEach(() => {
  vi.unstubAllGlobals()
})

async function typeMastodonVariant(text: string) {
  fireEvent.click(
    await screen.findByLabelText(/Mastodon · humas@mastodon\.go\.id/, undefined, { timeout: 5000 }),
  )
  const field = await screen.findByTestId(`variant-text-${MASTODON}`)
  await act(async () => {
    fireEvent.change(field, { target: { value: text } })
  })
  return screen.getByTestId(`variant-counter-${MASTODON}`)
}

describe('the composer counting a Mastodon variant', () => {
  it('counts a long link as 23, as the instance does, so 577 characters fit in 500', async () => {
    serve('id')
    renderAppAt('/posts/new')
    const counter = await typeMastodonVariant(`${'a'.repeat(476)} ${LINK}`)
    expect(counter.textContent).toBe(
      '500 / 500 karakter menurut hitungan Mastodon (setiap tautan dihitung 23)',
    )
    expect(screen.queryByText(/Teks terlalu panjang untuk Mastodon/)).toBeNull()
  })

  it('counts a remote mention without its domain, and says a text one over is too long, in English', async () => {
    serve('en')
    renderAppAt('/posts/new', { locale: 'en' })
    const counter = await typeMastodonVariant(`@sari@mastodon.social ${'a'.repeat(471)} ${LINK}`)
    expect(counter.textContent).toBe('501 / 500 characters as Mastodon counts (every link counts 23)')
    expect(
      await screen.findByText(
        'Text too long for Mastodon: 501 of 500 characters (links count 23, a mention of another server’s account without its domain).',
      ),
    ).toBeTruthy()
  })
})
