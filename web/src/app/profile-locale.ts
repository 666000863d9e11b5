// The language is a profile setting. Before sign-in the device remembers the last choice (localStorage); at
// sign-in the profile's language applies; a switch while signed in is saved with PATCH /api/me. When saving fails
// (an older server without that route, or offline) the choice is kept on this device and marked unsaved for that
// user, so it survives a reload and is saved at their next sign-in.
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import { isLocale, useI18n, type Locale } from '../i18n/i18n.tsx'
import { api } from './api-client.ts'
import { sessionKeys } from './session-queries.ts'
import type { Me } from './session-types.ts'

const UNSAVED_KEY = 'warta.locale.unsaved'

function unsavedFor(): string | null {
  try {
    return window.localStorage.getItem(UNSAVED_KEY)
  } catch {
    return null
  }
}

function markUnsaved(userId: string | null): void {
  try {
    if (userId) window.localStorage.setItem(UNSAVED_KEY, userId)
    else window.localStorage.removeItem(UNSAVED_KEY)
  } catch {
    // No storage: the choice lasts for this visit.
  }
}

export async function saveProfileLocale(
  queryClient: QueryClient,
  userId: string,
  locale: Locale,
): Promise<boolean> {
  try {
    await api.patch('/api/me', { locale })
    markUnsaved(null)
    queryClient.setQueryData<Me | null>(sessionKeys.me, (me) =>
      me && me.user.id === userId ? { ...me, user: { ...me.user, locale } } : me,
    )
    return true
  } catch {
    markUnsaved(userId)
    return false
  }
}

/** Applies the profile's language once per sign-in (not on every re-read of `me`). */
export function useProfileLocale(me: Me | null | undefined): void {
  const { locale, setLocale } = useI18n()
  const queryClient = useQueryClient()
  const appliedFor = useRef<string | null>(null)
  const userId = me?.user.id ?? null
  const profileLocale = me?.user.locale

  useEffect(() => {
    if (!userId) {
      appliedFor.current = null
      return
    }
    if (appliedFor.current === userId) return
    appliedFor.current = userId
    if (unsavedFor() === userId) {
      void saveProfileLocale(queryClient, userId, locale)
      return
    }
    if (isLocale(profileLocale) && profileLocale !== locale) setLocale(profileLocale)
  }, [userId, profileLocale, locale, setLocale, queryClient])
}

/** The language switch's callback for a signed-in user: shows the language at once, then saves it. */
export function useSaveLocale(userId: string): (locale: Locale) => void {
  const queryClient = useQueryClient()
  return useCallback(
    (next: Locale) => void saveProfileLocale(queryClient, userId, next),
    [queryClient, userId],
  )
}
