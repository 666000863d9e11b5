// Runs axe-core in the page and returns the serious and critical violations, described well enough to fix
// from the test output alone.
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url))

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // The callbacks run in the browser; the root tsconfig has no DOM types, so the page is reached through globalThis.
  const loaded = await page.evaluate(() => 'axe' in globalThis)
  if (!loaded) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const browser = globalThis as unknown as {
      document: unknown
      axe: { run: (context: unknown, options: object) => Promise<{ violations: AxeViolation[] }> }
    }
    const result = await browser.axe.run(browser.document, { resultTypes: ['violations'] })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }))
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
}
