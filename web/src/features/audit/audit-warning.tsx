// A warning on the audit page (an entry too big to show whole, a checkpoint signed with another key): amber with
// a warning sign, never the green of success.
import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'

function WarningSign() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3 2 21h20L12 3Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M12 10v5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <circle cx="12" cy="18" r="1.2" fill="currentColor" />
    </svg>
  )
}

export function AuditWarning({ children }: { children: ReactNode }) {
  return (
    <Alert color="orange" variant="light" icon={<WarningSign />} role="status" mb="sm">
      {children}
    </Alert>
  )
}
