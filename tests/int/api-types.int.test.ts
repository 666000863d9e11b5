// The web app's API types are generated from the OpenAPI document (npm run api:types); this fails when a route
// schema changed and the committed file was not regenerated.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types.ts'
import { getTestContext } from '../support/test-context.ts'

describe('web/src/api/openapi.d.ts', () => {
  it('matches the OpenAPI document of the current routes (run npm run api:types when it does not)', async () => {
    const expected = await renderApiTypes(await getTestContext())
    const committed = readFileSync(API_TYPES_FILE, 'utf8')
    expect(committed === expected, 'web/src/api/openapi.d.ts is out of date: run npm run api:types').toBe(
      true,
    )
  })
})
