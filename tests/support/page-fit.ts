// Whether a page scrolls sideways: the document wider than the window, with the elements sticking out on the
// right named, so a failure says what to fix. (The same check as the first-run journey's, for other specs.)
import type { Page } from 'playwright-core'

export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as {
      innerWidth: number
      document: {
        documentElement: { scrollWidth: number }
        querySelectorAll: (selector: string) => ArrayLike<{
          tagName: string
          className: unknown
          getBoundingClientRect: () => { right: number }
        }>
      }
    }
    const width = browser.innerWidth
    if (browser.document.documentElement.scrollWidth <= width) return []
    const wide = Array.from(browser.document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`)
    return [`scrollWidth ${browser.document.documentElement.scrollWidth} > ${width}`, ...wide]
  })
}

/**
 * Tables (DataTable's scroll region) wider than their place on the page: a laptop screen must show every column,
 * the row's buttons included, without scrolling the table sideways. Named by the table's caption.
 */
export async function tablesScrollingSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as {
      document: {
        querySelectorAll: (selector: string) => ArrayLike<{
          scrollWidth: number
          clientWidth: number
          getAttribute: (name: string) => string | null
        }>
      }
    }
    // One pixel of slack: borders round differently from the layout's fractional widths.
    return Array.from(browser.document.querySelectorAll('.data-table-scroll'))
      .filter((region) => region.scrollWidth > region.clientWidth + 1)
      .map(
        (region) =>
          `${region.getAttribute('aria-label') ?? 'table'}: ${region.scrollWidth} px in ${region.clientWidth} px`,
      )
  })
}
