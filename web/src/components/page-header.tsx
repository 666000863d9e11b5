// The heading of every page: one h1 per page, so screen-reader users can jump straight to it. After a
// navigation the shell moves focus to it (#page-title), so keyboard users land on the new content.
import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export const PAGE_TITLE_ID = 'page-title'

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string
  description?: ReactNode
  actions?: ReactNode
}) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
        <Title order={1} size="h2" id={PAGE_TITLE_ID} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      ) : null}
    </Group>
  )
}
