// Every list of rows in the web app goes through the shared DataTable (web/src/components/data-table.tsx): it sorts
// text in Indonesian collation, pages, shows an empty state and turns into cards on a phone. A raw Mantine <Table>
// elsewhere gets none of that, and is the usual way a page starts scrolling sideways on a phone.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const web = path.resolve(import.meta.dirname, '../../web/src')
const DATA_TABLE = path.join(web, 'components/data-table.tsx')

function componentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return componentFiles(full)
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [full] : []
  })
}

describe('tables in the web app', () => {
  it('are drawn only by DataTable, never with a raw Mantine Table', () => {
    const raw = componentFiles(web)
      .filter((file) => file !== DATA_TABLE)
      .filter((file) => /<Table[\s.>]/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(web, file))
    expect(raw).toEqual([])
  })
})
