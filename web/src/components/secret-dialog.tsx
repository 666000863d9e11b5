// A secret shown once, in a dialog that stays until the person says they have kept it (a temporary password
// after creating a user or resetting a password).
import { Button } from '@mantine/core'
import { modals } from '@mantine/modals'
import { SecretReveal, type SecretRevealProps } from './secret-reveal.tsx'

export function openSecretDialog({
  title,
  doneLabel,
  ...reveal
}: Omit<SecretRevealProps, 'title' | 'children' | 'headingLevel'> & {
  title: string
  doneLabel: string
}): void {
  const id = modals.open({
    title,
    centered: true,
    closeOnClickOutside: false,
    withCloseButton: false,
    size: 'lg',
    children: (
      <SecretReveal {...reveal}>
        <Button onClick={() => modals.close(id)} style={{ alignSelf: 'flex-start' }}>
          {doneLabel}
        </Button>
      </SecretReveal>
    ),
  })
}
