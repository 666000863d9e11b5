// Moves focus to a panel's heading when the panel opens, so keyboard and screen-reader users land in it
// instead of staying on the button that opened it somewhere further down the page.
import { useEffect, useRef } from 'react'

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}
