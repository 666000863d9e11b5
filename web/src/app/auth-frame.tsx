// The frame of every screen before the app itself: sign-in, first-run setup, and the steps the API demands
// first (2FA enrolment, a new password). A centred card with the name, the language switch and one h1.
import { Box, Group, Paper, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { LanguageSwitch } from '../components/language-switch.tsx'

export function AuthFrame({
  title,
  intro,
  wide = false,
  tools,
  children,
}: {
  title: string
  intro?: ReactNode
  wide?: boolean
  /** Beside the language switch, e.g. sign-out on the steps a signed-in person must finish first. */
  tools?: ReactNode
  children: ReactNode
}) {
  return (
    <Box
      component="main"
      id="main"
      mih="100dvh"
      px={{ base: 'xs', sm: 'md' }}
      py={{ base: 'md', sm: 'xl' }}
      style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start' }}
    >
      <Paper
        withBorder
        shadow="sm"
        p={{ base: 'md', sm: 'xl' }}
        w="100%"
        maw={wide ? 640 : 440}
        mt={{ sm: 'xl' }}
      >
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text fw={800} fz="xl" c="warta.7" aria-hidden="true">
            Warta
          </Text>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {tools}
          </Group>
        </Group>
        <Title order={1} size="h2" mb="xs">
          {title}
        </Title>
        {intro ? (
          <Text c="dimmed" mb="md">
            {intro}
          </Text>
        ) : null}
        {children}
      </Paper>
    </Box>
  )
}
