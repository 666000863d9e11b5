// "Jawaban baku": the office's prepared answers with variables filled from the message being answered. Everyone
// who works the inbox sees those of their units and the instansi's (search); a penanggung jawab adds, changes and
// deletes those of their units. The reply box in the inbox offers them for an item.
import { Badge, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { useSession } from '../../app/session.tsx'
import { PERMISSIONS } from '../../../../src/shared/permissions.ts'
import { isRole } from '../../../../src/shared/roles.ts'
import { useUnits } from '../units/units-queries.ts'
import { intentLabelKey, SavedReplyForm } from './saved-reply-form.tsx'
import { savedReplyListQuery, savedReplyRequests, useSavedReplyChange } from './saved-replies-queries.ts'
import type { SavedReply } from './saved-replies-types.ts'

export function SavedRepliesPage() {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const q = useDeferredValue(search)
  const list = useQuery(savedReplyListQuery(q))
  const units = useUnits()
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null)
  const confirm = useConfirm()
  const remove = useSavedReplyChange(savedReplyRequests.remove)
  const removeError = useErrorText(remove.error)
  const canManage = list.data?.canManage ?? false
  const { me } = useSession()
  const manageablePaths = me.grants
    .filter((grant) => isRole(grant.role) && PERMISSIONS[grant.role].has('saved_reply.manage'))
    .map((grant) => grant.unitPath)

  const askRemove = async (reply: SavedReply) => {
    const confirmed = await confirm({
      title: t('savedReplies.deleteTitle'),
      message: t('savedReplies.deleteMessage', { title: reply.title }),
      confirmLabel: t('savedReplies.delete'),
    })
    if (confirmed) remove.mutate(reply.id, { onSuccess: () => notifySuccess(t('savedReplies.deleted')) })
  }

  const columns: DataTableColumn<SavedReply>[] = [
    {
      key: 'title',
      header: t('savedReplies.titleField'),
      primary: true,
      sortValue: (reply) => reply.title,
      render: (reply) => (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {reply.title}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
            {reply.body}
          </Text>
          {reply.tags.length > 0 ? (
            <Group gap={4}>
              {reply.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="light" radius="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'unit',
      header: t('savedReplies.unit'),
      sortValue: (reply) => reply.unit?.name ?? '',
      render: (reply) =>
        reply.unit ? `${reply.unit.name} (${reply.unit.code})` : t('savedReplies.wholeInstansi'),
    },
    {
      key: 'intents',
      header: t('savedReplies.intents'),
      render: (reply) =>
        reply.intents.length > 0 ? reply.intents.map((intent) => t(intentLabelKey(intent))).join(', ') : '—',
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: (reply: SavedReply) =>
              reply.canManage ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(reply)}
                    aria-label={t('savedReplies.editNamed', { title: reply.title })}
                  >
                    {t('savedReplies.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void askRemove(reply)}
                    aria-label={t('savedReplies.deleteNamed', { title: reply.title })}
                  >
                    {t('savedReplies.delete')}
                  </Button>
                </Group>
              ) : null,
          } satisfies DataTableColumn<SavedReply>,
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={t('nav.savedReplies')}
        description={t('savedReplies.intro')}
        actions={
          canManage ? <Button onClick={() => setEditing('new')}>{t('savedReplies.add')}</Button> : null
        }
      />
      {editing ? (
        <SavedReplyForm
          key={editing === 'new' ? 'new' : editing.id}
          reply={editing === 'new' ? null : editing}
          units={units.options}
          manageablePaths={manageablePaths}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <Panel title={t('savedReplies.list')}>
        <ErrorText>{removeError.banner}</ErrorText>
        <Box role="group" aria-label={t('common.filters')} mb="md" maw={480}>
          <TextInput
            label={t('savedReplies.search')}
            type="search"
            placeholder={t('savedReplies.searchHint')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </Box>
        <DataTable
          caption={t('savedReplies.list')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(reply) => reply.id}
          emptyText={t('savedReplies.empty')}
          loading={list.isFetching}
          error={list.error}
          testId="saved-replies"
        />
      </Panel>
    </>
  )
}
