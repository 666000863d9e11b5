// A reply being written survives what rebuilds the thread pane — the screen crossing the phone breakpoint, switching
// to another item and back, a reload — kept per item in the tab's sessionStorage (never sent anywhere) and cleared
// once the reply is sent. With it, the saved reply's placeholders still to replace, so the warning keeps naming them.
import { useCallback, useState } from 'react'

const PREFIX = 'warta.inbox.replyDraft.'

export interface ReplyDraft {
  text: string
  /** The [[name]] placeholders a saved reply left that the operator still has to replace. */
  unresolved: readonly string[]
}

const EMPTY: ReplyDraft = { text: '', unresolved: [] }

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage
  } catch {
    return null
  }
}

function isDraft(value: unknown): value is ReplyDraft {
  const draft = value as Partial<ReplyDraft> | null
  return (
    typeof draft?.text === 'string' &&
    Array.isArray(draft.unresolved) &&
    draft.unresolved.every((name) => typeof name === 'string')
  )
}

export function readReplyDraft(itemId: string): ReplyDraft {
  const stored = storage()?.getItem(PREFIX + itemId)
  if (!stored) return EMPTY
  try {
    const parsed: unknown = JSON.parse(stored)
    return isDraft(parsed) ? parsed : EMPTY
  } catch {
    return EMPTY
  }
}

export function writeReplyDraft(itemId: string, draft: ReplyDraft): void {
  const store = storage()
  if (!store) return
  try {
    if (draft.text.length > 0) store.setItem(PREFIX + itemId, JSON.stringify(draft))
    else store.removeItem(PREFIX + itemId)
  } catch {
    // A full or refused storage only loses the draft on the next rebuild, as before drafts were kept.
  }
}

export function clearReplyDraft(itemId: string): void {
  writeReplyDraft(itemId, EMPTY)
}

/** The reply box's draft for an item, read from and written to the tab's storage. */
export function useReplyDraft(itemId: string): [ReplyDraft, (change: Partial<ReplyDraft>) => void] {
  const [draft, setDraft] = useState(() => readReplyDraft(itemId))
  const update = useCallback(
    (change: Partial<ReplyDraft>) =>
      setDraft((previous) => {
        const next = { ...previous, ...change }
        writeReplyDraft(itemId, next)
        return next
      }),
    [itemId],
  )
  return [draft, update]
}
