// Issuing an agenda item: the owning unit, the narrative (title, one key message per line, source), the assets
// (uploaded to the media library), the central post units may repost, the deadline in WIB, and the units or
// accounts that get a task. Saving hands the tasks out and opens the item's board.
import {
  Button,
  FileInput,
  Group,
  Image,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { PostList, UploadedMedia } from '../posts/post-types.ts'
import { uploadMedia } from '../posts/posts-queries.ts'
import { wibInputToIso } from '../posts/wib-time.ts'
import { useUnits } from '../units/units-queries.ts'
import { agendaRequests, useAgendaChange } from './agenda-queries.ts'
import { AgendaTargetsField, NO_TARGETS, targetsBody, type TargetsValue } from './agenda-targets-field.tsx'

/** One key message per line; blank lines dropped. */
export function keyMessagesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

const CENTRAL_POST_STATUSES = new Set(['approved', 'scheduled', 'published'])

export function AgendaCreatePage() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const units = useUnits()
  const posts = useQuery({
    queryKey: ['posts', 'agenda-central'],
    queryFn: () => api.get<PostList>('/api/posts?mine=false'),
  })
  const [unitId, setUnitId] = useState('')
  const [title, setTitle] = useState('')
  const [messages, setMessages] = useState('')
  const [source, setSource] = useState('')
  const [deadline, setDeadline] = useState('')
  const [centralPostId, setCentralPostId] = useState('')
  const [media, setMedia] = useState<UploadedMedia[]>([])
  const [uploading, setUploading] = useState(false)
  const [uploadError, setUploadError] = useState<unknown>(null)
  const [targets, setTargets] = useState<TargetsValue>(NO_TARGETS)
  const create = useAgendaChange(agendaRequests.create)
  const error = useErrorText(create.error ?? uploadError)
  const owner = unitId || units.options[0]?.unit.id || ''

  const upload = async (files: File[]) => {
    setUploading(true)
    setUploadError(null)
    try {
      const added: UploadedMedia[] = []
      for (const file of files) added.push(await uploadMedia(file))
      setMedia((current) => [...current, ...added])
    } catch (caught) {
      setUploadError(caught)
    } finally {
      setUploading(false)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(
      {
        unitId: owner,
        title,
        keyMessages: keyMessagesOf(messages),
        source,
        mediaIds: media.map((found) => found.id),
        centralPostId: centralPostId || null,
        deadline: wibInputToIso(deadline) ?? '',
        targets: targetsBody(targets),
      },
      {
        onSuccess: (item) => {
          notifySuccess(t('agenda.created', { count: item.assigned.added }))
          void navigate({ to: '/agenda/$id', params: { id: item.id } })
        },
      },
    )
  }

  return (
    <>
      <PageHeader title={t('agenda.createTitle')} description={t('agenda.createIntro')} />
      <form onSubmit={submit} noValidate>
        <Panel title={t('agenda.narrative')}>
          <Stack gap="sm">
            <NativeSelect
              label={t('agenda.owner')}
              description={t('agenda.ownerHint')}
              value={owner}
              onChange={(event) => setUnitId(event.currentTarget.value)}
              data={units.options.map(({ unit, depth }) => ({
                value: unit.id,
                label: `${'— '.repeat(depth)}${unit.name}`,
              }))}
              error={error.field('unitId')}
            />
            <TextInput
              label={t('agenda.title')}
              required
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={error.field('title')}
            />
            <Textarea
              label={t('agenda.keyMessages')}
              description={t('agenda.keyMessagesHint')}
              required
              autosize
              minRows={3}
              value={messages}
              onChange={(event) => setMessages(event.currentTarget.value)}
              error={error.field('keyMessages')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('agenda.source')}
                value={source}
                onChange={(event) => setSource(event.currentTarget.value)}
              />
              <TextInput
                type="datetime-local"
                label={t('agenda.deadlineWib')}
                required
                value={deadline}
                onChange={(event) => setDeadline(event.currentTarget.value)}
                error={error.field('deadline')}
              />
            </SimpleGrid>
            <FileInput
              label={t('agenda.assets')}
              description={t('agenda.assetsHint')}
              multiple
              accept="image/*,video/*"
              value={[]}
              onChange={(files) => void upload(files)}
              disabled={uploading}
            />
            {media.length > 0 ? (
              <Group gap="xs">
                {media.map((found) => (
                  <Image
                    key={found.id}
                    src={found.thumbnailUrl ?? found.url}
                    alt=""
                    w={72}
                    h={72}
                    fit="cover"
                    radius="sm"
                  />
                ))}
              </Group>
            ) : null}
            <NativeSelect
              label={t('agenda.centralPost')}
              description={t('agenda.centralPostHint')}
              value={centralPostId}
              onChange={(event) => setCentralPostId(event.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...(posts.data?.items ?? [])
                  .filter((post) => CENTRAL_POST_STATUSES.has(post.status))
                  .map((post) => ({ value: post.id, label: post.title })),
              ]}
            />
          </Stack>
        </Panel>
        <Panel title={t('agenda.targets')} description={t('agenda.targetsIntro')}>
          <AgendaTargetsField value={targets} onChange={setTargets} />
        </Panel>
        <ErrorText>{error.banner}</ErrorText>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={create.isPending}>
            {t('agenda.issue')}
          </Button>
        </Group>
      </form>
    </>
  )
}
