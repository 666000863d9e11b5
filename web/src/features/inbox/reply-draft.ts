// A reply being written survives what rebuilds the thread pane — the screen crossing the phone breakpoint, switching
// to another item and back, a reload — kept per item in the tab's sessionStorage (never sent anywhere) and cleared
// once the reply is sent.
import { useCallback, useState } from 'react'

const PREFIX = 'warta.inbox.replyDraft.'

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage
  } catch {
    return null
  }
}

export function readReplyDraft(itemId: string): string {
  return storage()?.getItem(PREFIX + itemId) ?? ''
}

export function writeReplyDraft(itemId: string, text: string): void {
  const store = storage()
  if (!store) return
  try {
    if (text.length > 0) store.setItem(PREFIX + itemId, text)
    else store.removeItem(PREFIX + itemId)
  } catch {
    // A full or refused storage only loses the draft on the next rebuild, as before drafts were kept.
  }
}

export function clearReplyDraft(itemId: string): void {
  writeReplyDraft(itemId, '')
}

/** The reply box's text for an item, read from and written to the item's draft. */
export function useReplyDraft(itemId: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => readReplyDraft(itemId))
  const set = useCallback(
    (next: string) => {
      setText(next)
      writeReplyDraft(itemId, next)
    },
    [itemId],
  )
  return [text, set]
}
