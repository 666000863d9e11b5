// The checks of one saved reply, shared by the form (the API) and each row of a CSV import: a title, a body whose
// variables Warta can fill (an unknown one is refused here, at save time, not found by a citizen later), tags and
// the intents it fits. Pure: the units the reply may belong to are passed in.
import type { SavedReplyFields } from '../../db/saved-replies-repository.ts'
import type { Problem } from '../../shared/errors.ts'
import { INBOX_INTENTS, type InboxIntent } from '../../shared/inbox-labels.ts'
import { SAVED_REPLY_VARIABLES, unknownVariables } from '../../shared/saved-reply-template.ts'
import { problem } from '../app-error.ts'
import { cleanList } from '../hoax/hoax-claim-input.ts'

export const SAVED_REPLY_LIMITS = { title: 200, body: 5000, tags: 20, tag: 40, intents: 6 } as const

export interface SavedReplyDraft {
  unitId?: string | null | undefined
  title: string
  body: string
  tags?: readonly string[] | undefined
  intents?: readonly string[] | undefined
}

export type SavedReplyCheck =
  { ok: true; value: SavedReplyFields } | { ok: false; errors: Record<string, Problem> }

const braced = (name: string) => `{${name}}`

export function checkSavedReplyDraft(
  draft: SavedReplyDraft,
  allowedUnitIds: ReadonlySet<string>,
): SavedReplyCheck {
  const errors: Record<string, Problem> = {}
  const title = draft.title.replace(/\s+/g, ' ').trim()
  if (title === '' || title.length > SAVED_REPLY_LIMITS.title)
    errors.title = problem('saved_replies.title_required')
  const body = draft.body.replace(/\r\n/g, '\n').trim()
  if (body === '' || body.length > SAVED_REPLY_LIMITS.body)
    errors.body = problem('saved_replies.body_required')
  else {
    const unknown = unknownVariables(body)
    if (unknown.length > 0)
      errors.body = problem('saved_replies.unknown_variable', {
        names: unknown.map(braced),
        known: SAVED_REPLY_VARIABLES.map(braced),
      })
  }
  const tags = cleanList(draft.tags ?? []).map((tag) => tag.toLowerCase())
  if (tags.length > SAVED_REPLY_LIMITS.tags)
    errors.tags = problem('hoax.too_many', { maximum: SAVED_REPLY_LIMITS.tags })
  else if (tags.some((tag) => tag.length > SAVED_REPLY_LIMITS.tag))
    errors.tags = problem('hoax.text_too_long', { maximum: SAVED_REPLY_LIMITS.tag })
  const intents: InboxIntent[] = []
  for (const raw of cleanList(draft.intents ?? [])) {
    const intent = INBOX_INTENTS.find((known) => known === raw.toLowerCase().replace(/\s+/g, '_'))
    if (!intent) {
      errors.intents = problem('saved_replies.intent_unknown', { value: raw })
      break
    }
    intents.push(intent)
  }
  const unitId = draft.unitId ?? null
  if (unitId !== null && !allowedUnitIds.has(unitId)) errors.unitId = problem('saved_replies.unit_unknown')
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { unitId, title, body, tags, intents } }
}
