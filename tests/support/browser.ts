// Launches Debian's Chromium through playwright-core for the browser journeys (no browser download: the CI
// image and developer machines install `chromium` from apt; WARTA_CHROMIUM points elsewhere when needed).
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function chromiumPath(): string {
  return process.env.WARTA_CHROMIUM ?? '/usr/bin/chromium'
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it with "apt-get install -y chromium" or set WARTA_CHROMIUM.`,
    )
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
}

/**
 * A browser session as the journeys use it: an Indonesian browser in WIB, no animations (screenshots and waits are
 * stable), the page's CSP bypassed so axe can be injected. `options` adds or overrides (viewport, downloads, …).
 */
export function newOfficeSession(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    bypassCSP: true,
    reducedMotion: 'reduce',
    ...options,
  })
}
