// What Mantine needs from a browser that jsdom does not have: matchMedia (phone or desktop layout: these tests
// see the desktop one), ResizeObserver, document.fonts and scrolling. Loaded before every web component test.
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'

if (!window.matchMedia)
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  })

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window))
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub })

// Textarea autosize re-measures when web fonts finish loading.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  })

Element.prototype.scrollIntoView = function scrollIntoView() {}
window.scrollTo = () => {}

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})
