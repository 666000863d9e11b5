// The bell in the header: the unread count on it, and a list of the newest notifications behind it. Opening one
// marks it read and goes to its page; "mark all read" clears the count. The count is refreshed every minute and
// when the window regains focus, so a notification made by someone else shows up without a reload.
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { isMessageKey } from '../../../../src/shared/messages/catalogue.ts'
import { formatMessage } from '../../../../src/shared/messages/format-message.ts'
import { api } from '../../app/api-client.ts'
import { formatDate } from '../../../../src/shared/dates.ts'
import { useI18n, type Locale } from '../../i18n/i18n.tsx'
import type { NotificationItem, NotificationsPage } from './notifications-types.ts'

const notificationsQuery = queryOptions({
  queryKey: ['notifications'] as const,
  queryFn: () => api.get<NotificationsPage>('/api/notifications?limit=20'),
  refetchInterval: 60_000,
})

function rendered(key: string, params: NotificationItem['params'], locale: Locale): string {
  return isMessageKey(key) ? formatMessage(locale, key, params) : key
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  )
}

export function NotificationBell() {
  const { t, locale } = useI18n()
  const [opened, setOpened] = useState(false)
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const notifications = useQuery(notificationsQuery)
  const markRead = useMutation({
    mutationFn: (ids: string[] | undefined) => api.post('/api/notifications/read', ids ? { ids } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey }),
  })
  const unread = notifications.data?.unread ?? 0
  const items = notifications.data?.items ?? []
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate([item.id])
    setOpened(false)
    if (item.link) void navigate({ to: item.link })
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        {/* The target is the button itself, so the popover's aria attributes land on it. */}
        <ActionIcon
          variant="subtle"
          color="white"
          size="lg"
          aria-label={label}
          onClick={() => setOpened((was) => !was)}
        >
          <Indicator
            label={unread > 99 ? '99+' : unread}
            size={16}
            color="red"
            offset={2}
            disabled={unread === 0}
            data-testid="notification-count"
          >
            <BellIcon />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label={t('notifications.title')} role="dialog">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
          {unread > 0 ? (
            <Button variant="subtle" size="compact-xs" onClick={() => markRead.mutate(undefined)}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('notifications.empty')}
          </Text>
        ) : null}
        <ScrollArea.Autosize mah={360}>
          <Stack
            gap={4}
            component="ul"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            data-testid="notification-list"
          >
            {items.map((item) => (
              <li key={item.id}>
                <UnstyledButton
                  onClick={() => open(item)}
                  p="xs"
                  w="100%"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: item.readAt ? undefined : 'var(--mantine-color-warta-0)',
                  }}
                >
                  <Text size="sm" fw={item.readAt ? 400 : 700}>
                    {rendered(item.titleKey, item.params, locale)}
                  </Text>
                  <Text size="xs" c="dark.3" lineClamp={3}>
                    {rendered(item.bodyKey, item.params, locale)}
                  </Text>
                  <Text size="xs" c="dark.3">
                    {formatDate(item.createdAt, locale, 'shortDatetime')}
                    {item.readAt ? '' : ` · ${t('notifications.unread')}`}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  )
}
