// Loads data for a page and reloads it after a change. Stale answers from an earlier request are dropped.
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Loaded<T> {
  data: T | null
  error: unknown
  loading: boolean
  reload: () => void
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const latest = useRef(0)

  useEffect(() => {
    const request = ++latest.current
    setLoading(true)
    load().then(
      (value) => {
        if (request !== latest.current) return
        setData(value)
        setError(null)
        setLoading(false)
      },
      (caught: unknown) => {
        if (request !== latest.current) return
        setError(caught)
        setLoading(false)
      },
    )
  }, [...deps, tick])

  const reload = useCallback(() => setTick((value) => value + 1), [])
  return { data, error, loading, reload }
}
