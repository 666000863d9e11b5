// A titled section of a page (a card with an h2). Edit panels move focus to their heading when they open, so
// keyboard and screen-reader users land in them instead of on the button further down that opened them.
import { Group, Paper, Text, Title } from '@mantine/core'
import { useEffect, useId, useRef, type ReactNode } from 'react'

export function Panel({
  title,
  description,
  actions,
  focusOnMount = false,
  children,
}: {
  title: string
  description?: ReactNode
  /** Controls beside the heading (a close button, a filter switch). */
  actions?: ReactNode
  focusOnMount?: boolean
  children: ReactNode
}) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusOnMount) heading.current?.focus()
  }, [focusOnMount])
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
      <Group justify="space-between" align="center" gap="xs" mb={description ? 4 : 'sm'} wrap="wrap">
        <Title order={2} size="h4" id={headingId} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
        {actions}
      </Group>
      {description ? (
        <Text c="dimmed" size="sm" mb="sm">
          {description}
        </Text>
      ) : null}
      {children}
    </Paper>
  )
}
