// One of our replies in the thread: its state in words (mengirim, terkirim, gagal — alasan, belum pasti, menunggu
// persetujuan, ditolak), the link to it on the platform, and what may be done — approve or refuse a junior's reply,
// send a failed one again, or send an unconfirmed one again once the operator checked the platform.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core'
import { problemText } from '../../components/api-error-text.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { InboxReply } from './inbox-types.ts'

const COLOURS: Record<InboxReply['status'], string> = {
  pending: 'yellow',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  unconfirmed: 'orange',
  rejected: 'gray',
}

export function ReplyState({
  reply,
  canApprove,
  canRetry,
  busy,
  onDecide,
  onRetry,
}: {
  reply: InboxReply
  canApprove: boolean
  canRetry: boolean
  busy: boolean
  onDecide: (approve: boolean) => void
  onRetry: (checked: boolean) => void
}) {
  const { t, locale } = useI18n()
  const reason = reply.reason
    ? problemText({ key: reply.reason.key, params: reply.reason.params, message: reply.error ?? '' }, locale)
    : null
  return (
    <Stack gap={4} mt={2}>
      <Group gap={6} wrap="wrap">
        <Badge
          size="xs"
          variant="light"
          color={COLOURS[reply.status]}
          data-testid="inbox-reply-state"
          data-status={reply.status}
        >
          {t(`inbox.replyStatus.${reply.status}`)}
        </Badge>
        {reply.url ? (
          <Anchor size="xs" href={reply.url} target="_blank" rel="noreferrer">
            {t('inbox.openOnPlatform')}
          </Anchor>
        ) : null}
        {reply.status === 'pending' && canApprove ? (
          <>
            <Button size="compact-xs" loading={busy} onClick={() => onDecide(true)}>
              {t('inbox.reply.approve')}
            </Button>
            <Button size="compact-xs" variant="default" disabled={busy} onClick={() => onDecide(false)}>
              {t('inbox.reply.reject')}
            </Button>
          </>
        ) : null}
        {reply.status === 'failed' && canRetry ? (
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            loading={busy}
            onClick={() => onRetry(false)}
            data-testid="inbox-reply-retry"
          >
            {t('inbox.reply.retry')}
          </Button>
        ) : null}
        {reply.status === 'unconfirmed' && canRetry ? (
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            loading={busy}
            onClick={() => {
              if (window.confirm(t('inbox.reply.retryCheckedConfirm'))) onRetry(true)
            }}
            data-testid="inbox-reply-retry"
          >
            {t('inbox.reply.retryChecked')}
          </Button>
        ) : null}
      </Group>
      {reason && (reply.status === 'failed' || reply.status === 'unconfirmed') ? (
        <Text size="xs" c={reply.status === 'failed' ? 'red.9' : 'orange.9'} data-testid="inbox-reply-reason">
          {reason}
        </Text>
      ) : null}
    </Stack>
  )
}
