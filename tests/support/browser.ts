// Launches Debian's Chromium through playwright-core for the browser journeys (no browser download: the CI
// image and developer machines install `chromium` from apt; WARTA_CHROMIUM points elsewhere when needed).
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

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
