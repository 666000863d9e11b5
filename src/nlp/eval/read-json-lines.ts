// Reads a committed evaluation file (JSON Lines) into validated rows.
import { readFileSync } from 'node:fs'
import type { z } from 'zod'

export function readJsonLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = schema.safeParse(JSON.parse(line))
      if (!parsed.success) throw new Error(`${path} line ${index + 1}: ${parsed.error.message}`)
      return parsed.data
    })
}
