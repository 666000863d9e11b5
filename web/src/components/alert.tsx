// Page-level messages: errors are announced at once (role=alert), confirmations politely (role=status).
import type { ReactNode } from 'react'

export function ErrorAlert({ children }: { children: ReactNode }) {
  if (!children) return null
  return (
    <div className="alert alert-error" role="alert">
      {children}
    </div>
  )
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-info" role="status">
      {children}
    </div>
  )
}
