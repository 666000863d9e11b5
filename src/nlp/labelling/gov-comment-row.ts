// The shape of one labelled comment (docs/nlp/labelling-guide.md), shared by the validator and its tests.
import { z } from 'zod'
import { HATE_CATEGORIES, HATE_TARGETS, INTENT_LABELS, SENTIMENT_LABELS } from '../types.ts'

const publicHandles = /@(dkk_semarang|pemkotsemarang|hendrarprihadi)\b/gi

// Only the project's own written rows may carry invented handles; every other source is real people's text.
export const isRealComment = (source: string): boolean => source !== 'written'
export const hasUnmaskedHandle = (text: string): boolean =>
  /@(?!user\b)[\w.]*\w/.test(text.replace(publicHandles, ''))
export const hasUnmaskedNumber = (text: string): boolean =>
  /(\+62|\b62|\b0)[\s-]?8\d[\d\s-]{6,12}\d/.test(text) || /\b\d{16}\b/.test(text)

export const govCommentRowSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: z.string().min(1),
    split: z.enum(['train', 'test']),
    source: z.string().min(1),
    intent: z.enum(INTENT_LABELS),
    sentiment: z.enum(SENTIMENT_LABELS),
    abusive: z.boolean(),
    hate_speech: z.boolean(),
    hs_target: z.enum(HATE_TARGETS),
    hs_category: z.enum(HATE_CATEGORIES),
  })
  .refine(
    (row) =>
      row.hate_speech
        ? row.hs_target !== 'none' && row.hs_category !== 'none'
        : row.hs_target === 'none' && row.hs_category === 'none',
    {
      message: 'hs_target/hs_category must be none exactly when hate_speech is false',
    },
  )
  // Masking is part of the schema for real comments: a real person's handle or number must never reach a commit.
  .refine((row) => !isRealComment(row.source) || !hasUnmaskedHandle(row.text), {
    message: 'unmasked @handle in a real comment (mask private people as @user)',
  })
  .refine((row) => !isRealComment(row.source) || !hasUnmaskedNumber(row.text), {
    message: 'unmasked phone number or NIK in a real comment',
  })

export type GovCommentRow = z.infer<typeof govCommentRowSchema>

export type ParsedLine = { ok: true; row: GovCommentRow } | { ok: false; message: string }

export const parseGovCommentLine = (line: string): ParsedLine => {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return { ok: false, message: 'not valid JSON' }
  }
  const result = govCommentRowSchema.safeParse(parsed)
  if (result.success) return { ok: true, row: result.data }
  return {
    ok: false,
    message: result.error.issues
      .map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`)
      .join('; '),
  }
}
