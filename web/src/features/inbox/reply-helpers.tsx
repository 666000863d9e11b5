// What helps the operator answer an inbox item: the saved-reply picker and the hoax clarification button (both fill
// the reply box; the operator still reviews and sends), and the hand-offs of the context pane — a PPID case for an
// information request, an SP4N-LAPOR! referral for a complaint.
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { formatDate } from '../../../../src/shared/dates.ts'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { AnchorLink } from '../../components/router-links.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { ClockBadge } from '../ppid/clock-badge.tsx'
import { slaKeys, slaRequests } from '../ppid/ppid-queries.ts'
import { inboxKeys, inboxRequests, itemSavedRepliesQuery } from './inbox-queries.ts'
import type { InboxThread } from './inbox-types.ts'

/** "Jawaban baku": the saved replies that apply to the item; choosing one renders it and hands the text over. */
export function SavedReplyPicker({
  itemId,
  onText,
}: {
  itemId: string
  onText: (text: string, unresolved: readonly string[]) => void
}) {
  const { t } = useI18n()
  const list = useQuery(itemSavedRepliesQuery(itemId))
  const [chosen, setChosen] = useState<string | null>(null)
  const render = useMutation({
    mutationFn: (id: string) => inboxRequests.renderSavedReply(id, itemId),
    onSuccess: (rendered) => onText(rendered.text, rendered.unresolved),
  })
  const items = list.data?.items ?? []
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        label={t('inbox.savedReply.label')}
        placeholder={
          list.isPending
            ? t('inbox.savedReply.loading')
            : items.length === 0
              ? t('inbox.savedReply.none')
              : t('inbox.savedReply.placeholder')
        }
        searchable
        clearable
        nothingFoundMessage={t('inbox.savedReply.nothingFound')}
        disabled={items.length === 0}
        data={items.map((reply) => ({ value: reply.id, label: reply.title }))}
        value={chosen}
        onChange={(value) => {
          setChosen(value)
          if (value) render.mutate(value)
        }}
        rightSection={render.isPending ? <Text size="xs">…</Text> : undefined}
        data-testid="inbox-saved-reply"
      />
      <ErrorBanner error={list.error ?? render.error} />
    </Stack>
  )
}

/** "Klarifikasi hoaks": the clarification built from the matched claim's facts and source, for the reply box. */
export function ClarificationButton({ itemId, onText }: { itemId: string; onText: (text: string) => void }) {
  const { t } = useI18n()
  const clarify = useMutation({
    mutationFn: () => inboxRequests.clarification(itemId),
    onSuccess: (answer) => onText(answer.text),
  })
  return (
    <Stack gap={4}>
      <Button
        size="xs"
        variant="light"
        color="red"
        loading={clarify.isPending}
        onClick={() => clarify.mutate()}
        data-testid="inbox-clarify"
      >
        {t('inbox.clarify.button')}
      </Button>
      {clarify.data?.shortened ? (
        <Text size="xs" c="dimmed">
          {t('inbox.clarify.shortened')}
        </Text>
      ) : null}
      <ErrorBanner error={clarify.error} />
    </Stack>
  )
}

const OUT_OF_SCOPE = ['legal_case', 'legislative', 'corruption', 'crime'] as const
type OutOfScope = (typeof OUT_OF_SCOPE)[number]

function suspectedKind(error: unknown): OutOfScope | null {
  if (!(error instanceof ApiError) || error.key !== 'lapor.out_of_scope_suspected') return null
  const kind = error.params?.kind
  return OUT_OF_SCOPE.find((known) => known === kind) ?? null
}

function refusedAs(error: unknown, key: string): boolean {
  return error instanceof ApiError && error.key === key
}

/**
 * Where the open item already went: its PPID case and its SP4N-LAPOR! referral, with their numbers, stage and
 * clock, so nobody offers to make them again (shown at the top of the thread).
 */
export function HandoffStatus({ view }: { view: InboxThread }) {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const { ppidCase, laporReferral } = view.handoff
  if (!ppidCase && !laporReferral) return null
  const deadline = (date: string | null) =>
    date ? t('inbox.handoff.deadline', { date: formatDate(date, locale, 'shortDate') }) : null
  return (
    <Stack gap={6} data-testid="inbox-handoff-status">
      {ppidCase ? (
        <Alert color="blue" variant="light" p="xs" data-testid="inbox-handoff-ppid">
          <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('inbox.handoff.ppidExists', { number: ppidCase.registrationNumber })}
              </Text>
              <Text size="xs">
                {[t(`ppid.status.${ppidCase.status}`), deadline(ppidCase.deadline)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {can('ppid.manage') ? (
                <AnchorLink to="/ppid/$id" params={{ id: ppidCase.id }} size="sm">
                  {t('inbox.handoff.ppidOpen', { number: ppidCase.registrationNumber })}
                </AnchorLink>
              ) : null}
            </Stack>
            <ClockBadge state={ppidCase.clockState} workingDaysLeft={null} />
          </Group>
        </Alert>
      ) : null}
      {laporReferral ? (
        <Alert color="blue" variant="light" p="xs" data-testid="inbox-handoff-lapor">
          <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {laporReferral.outOfScope
                  ? t('inbox.handoff.laporExistsOutOfScope')
                  : laporReferral.laporTrackingId
                    ? t('inbox.handoff.laporExists', { number: laporReferral.laporTrackingId })
                    : t('inbox.handoff.laporExistsNoNumber')}
              </Text>
              <Text size="xs">
                {[t(`lapor.status.${laporReferral.status}`), deadline(laporReferral.deadline)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {view.actions.work ? (
                <AnchorLink to="/lapor" size="sm">
                  {t(
                    laporReferral.outOfScope
                      ? 'inbox.handoff.laporOpenOutOfScope'
                      : 'inbox.handoff.laporOpen',
                  )}
                </AnchorLink>
              ) : null}
            </Stack>
            <ClockBadge state={laporReferral.clockState} workingDaysLeft={null} />
          </Group>
        </Alert>
      ) : null}
    </Stack>
  )
}

/**
 * The hand-offs of the context pane, offered only while the item has none: once it has a case or a referral, the
 * thread shows it (HandoffStatus) instead. A race with a colleague is refused by the API with a message that says
 * so, shown with a link to the list where the existing one is.
 */
export function HandOff({ view }: { view: InboxThread }) {
  const { t } = useI18n()
  const { can } = useSession()
  const queryClient = useQueryClient()
  const item = view.item
  const register = useMutation({
    mutationFn: () => slaRequests.registerItem(item.id),
    onSuccess: (created) => {
      notifySuccess(t('inbox.handoff.ppidDone', { number: created.registrationNumber }))
      void queryClient.invalidateQueries({ queryKey: slaKeys.ppid })
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
    },
  })
  const refer = useMutation({
    mutationFn: (outOfScope: OutOfScope | null | undefined) =>
      slaRequests.refer({
        inboxItemId: item.id,
        ...(outOfScope === undefined ? {} : { outOfScope }),
      }),
    onSuccess: (created) => {
      notifySuccess(t(created.outOfScope ? 'inbox.handoff.laporOutOfScope' : 'inbox.handoff.laporDone'))
      void queryClient.invalidateQueries({ queryKey: ['lapor'] })
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
    },
  })
  // Made here a moment ago: the thread's refetch brings its status; until then nothing is offered twice.
  const hasCase = view.handoff.ppidCase !== null || register.isSuccess
  const hasReferral = view.handoff.laporReferral !== null || refer.isSuccess

  if (item.intent === 'permohonan_informasi' && can('ppid.manage'))
    return hasCase ? null : (
      <Stack gap={4} data-testid="inbox-handoff">
        <Button size="xs" variant="light" loading={register.isPending} onClick={() => register.mutate()}>
          {t('inbox.handoff.ppid')}
        </Button>
        <ErrorBanner error={register.error} />
        {refusedAs(register.error, 'ppid.already_case') ? (
          <AnchorLink to="/ppid" size="sm">
            {t('inbox.handoff.ppidList')}
          </AnchorLink>
        ) : null}
      </Stack>
    )

  // Referring needs inbox.reply on the item's unit: what the thread calls `work`.
  if (item.intent === 'keluhan' && view.actions.work && !hasReferral) {
    const suspected = suspectedKind(refer.error)
    return (
      <Stack gap={4} data-testid="inbox-handoff">
        <Button size="xs" variant="light" loading={refer.isPending} onClick={() => refer.mutate(undefined)}>
          {t('inbox.handoff.lapor')}
        </Button>
        {suspected ? (
          <Alert color="orange" variant="light" p="xs" data-testid="inbox-lapor-scope">
            <Stack gap={6}>
              <ErrorBanner error={refer.error} />
              <Group gap={6} wrap="wrap">
                <Button size="compact-xs" color="orange" onClick={() => refer.mutate(suspected)}>
                  {t('inbox.handoff.markOutOfScope', {
                    kind: t(`lapor.outOfScope.${suspected}` as MessageKey),
                  })}
                </Button>
                <Button size="compact-xs" variant="default" onClick={() => refer.mutate(null)}>
                  {t('inbox.handoff.inScope')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <ErrorBanner error={refer.error} />
        )}
        {refusedAs(refer.error, 'lapor.already_referred') ? (
          <AnchorLink to="/lapor" size="sm">
            {t('inbox.handoff.laporOpen')}
          </AnchorLink>
        ) : null}
      </Stack>
    )
  }
  return null
}
