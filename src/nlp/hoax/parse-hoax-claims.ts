// Claims knowledge base as JSON Lines {"id", "claim", "fact", "variants"?, "keywords"?}: parsed leniently so one bad line is reported with its
// line number and the rest still load.
import { z } from 'zod'
import type { HoaxClaim } from '../types.ts'

const claimSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  claim: z.string().min(1),
  fact: z.string().optional(),
  variants: z.array(z.string().min(1)).optional(),
  keywords: z.array(z.string().min(1)).optional(),
})

export interface ParsedHoaxClaims {
  claims: HoaxClaim[]
  errors: Array<{ line: number; message: string }>
}

export function parseHoaxClaims(source: string): ParsedHoaxClaims {
  const claims: HoaxClaim[] = []
  const errors: ParsedHoaxClaims['errors'] = []
  for (const [index, raw] of source.split('\n').entries()) {
    const line = raw.trim()
    if (line === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      errors.push({ line: index + 1, message: `bukan JSON yang sah (${(error as Error).message})` })
      continue
    }
    const parsed = claimSchema.safeParse(value)
    if (parsed.success) claims.push(parsed.data)
    else
      errors.push({
        line: index + 1,
        message: parsed.error.issues.map((i) => `${i.path.join('.') || '(baris)'}: ${i.message}`).join('; '),
      })
  }
  return { claims, errors }
}
