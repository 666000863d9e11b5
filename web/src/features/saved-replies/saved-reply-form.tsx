// Adding or changing a saved reply: the unit it belongs to (or the whole instansi), a title, the text with its
// variables (buttons insert them; an unknown one is named as it is typed, as the server will refuse it), tags and
// the intents it fits. A sample shows the text as a citizen would read it.
import { Button, Group, MultiSelect, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useRef, useState, type FormEvent } from 'react'
import { INBOX_INTENTS } from '../../../../src/shared/inbox-labels.ts'
import {
  renderSavedReply,
  SAVED_REPLY_VARIABLES,
  unknownVariables,
  type SavedReplyVariable,
} from '../../../../src/shared/saved-reply-template.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { UnitOption } from '../units/unit-tree.ts'
import { savedReplyRequests, useSavedReplyChange } from './saved-replies-queries.ts'
import type { SavedReply, SavedReplyBody } from './saved-replies-types.ts'

export const variableLabelKey = (variable: SavedReplyVariable): MessageKey =>
  `savedReplies.variable.${variable}`
export const intentLabelKey = (intent: string): MessageKey => `inboxIntent.${intent}` as MessageKey

/** What the sample fills the variables with (the reply box fills them from the real item). */
const SAMPLE: Record<SavedReplyVariable, string> = {
  nama: 'Budi Santoso',
  nomor_tiket: 'WT-0J4KD-9QX2M',
  unit: 'Dinas Kesehatan',
  kontak_unit: 'WA 0812-3456-7890',
  akun: '@dinkeskota',
}

/** Whether a unit path is a top-level unit's ('/<root>/'): a grant there covers the whole instansi. */
const isTopLevel = (path: string) => path.split('/').filter(Boolean).length === 1

export function SavedReplyForm({
  reply,
  units,
  manageablePaths,
  onDone,
}: {
  reply: SavedReply | null
  units: readonly UnitOption[]
  /** The unit paths where the person may manage saved replies (their grants' subtrees). */
  manageablePaths: readonly string[]
  onDone: () => void
}) {
  const { t } = useI18n()
  const wholeInstansi = manageablePaths.some(isTopLevel)
  // Only the units the person may manage are offered (the server refuses the others the same way).
  const offered = units.filter(
    ({ unit }) =>
      unit.id === reply?.unit?.id ||
      (!unit.archivedAt && manageablePaths.some((path) => unit.path.startsWith(path))),
  )
  const [unitId, setUnitId] = useState(
    reply ? (reply.unit?.id ?? '') : wholeInstansi ? '' : (offered[0]?.unit.id ?? ''),
  )
  const [title, setTitle] = useState(reply?.title ?? '')
  const [body, setBody] = useState(reply?.body ?? '')
  const [tags, setTags] = useState(reply?.tags.join(', ') ?? '')
  const [intents, setIntents] = useState<string[]>(reply?.intents ?? [])
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const create = useSavedReplyChange(savedReplyRequests.create)
  const update = useSavedReplyChange(savedReplyRequests.update)
  const failed = reply ? update : create
  const error = useErrorText(failed.error)
  const unknown = unknownVariables(body)

  const insert = (variable: SavedReplyVariable) => {
    const area = bodyRef.current
    const token = `{${variable}}`
    const start = area?.selectionStart ?? body.length
    const end = area?.selectionEnd ?? body.length
    setBody(body.slice(0, start) + token + body.slice(end))
    requestAnimationFrame(() => {
      area?.focus()
      area?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const payload: SavedReplyBody = {
      unitId: unitId || null,
      title,
      body,
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      intents,
    }
    const done = () => {
      notifySuccess(t(reply ? 'savedReplies.updated' : 'savedReplies.created'))
      onDone()
    }
    if (reply) update.mutate({ id: reply.id, body: payload }, { onSuccess: done })
    else create.mutate(payload, { onSuccess: done })
  }

  const unitData = [
    ...(wholeInstansi || (reply && !reply.unit)
      ? [{ value: '', label: t('savedReplies.wholeInstansi') }]
      : []),
    ...offered.map(({ unit, depth }) => ({
      value: unit.id,
      label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name} (${unit.code})`,
    })),
  ]
  const sample = renderSavedReply(body, SAMPLE).text

  return (
    <Panel title={reply ? t('savedReplies.editTitle') : t('savedReplies.newTitle')} focusOnMount>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorText>{error.banner}</ErrorText>
          <NativeSelect
            label={t('savedReplies.unit')}
            description={t('savedReplies.unitHint')}
            data={unitData}
            value={unitId}
            onChange={(event) => setUnitId(event.currentTarget.value)}
            error={error.field('unitId')}
          />
          <TextInput
            label={t('savedReplies.titleField')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={error.field('title')}
            maxLength={200}
            required
          />
          <Stack gap={4}>
            <Textarea
              ref={bodyRef}
              label={t('savedReplies.body')}
              description={t('savedReplies.bodyHint')}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={
                unknown.length > 0
                  ? t('savedReplies.unknownVariables', {
                      names: unknown.map((name) => `{${name}}`).join(', '),
                    })
                  : error.field('body')
              }
              autosize
              minRows={4}
              maxLength={5000}
              required
            />
            <Group gap={6} role="group" aria-label={t('savedReplies.insertVariable')}>
              <Text size="xs" c="dimmed">
                {t('savedReplies.insertVariable')}
              </Text>
              {SAVED_REPLY_VARIABLES.map((variable) => (
                <Button
                  key={variable}
                  size="compact-xs"
                  variant="light"
                  onClick={() => insert(variable)}
                  title={t(variableLabelKey(variable))}
                >
                  {`{${variable}}`}
                </Button>
              ))}
            </Group>
          </Stack>
          {body.trim() ? (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('savedReplies.sample')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="saved-reply-sample">
                {sample}
              </Text>
            </Stack>
          ) : null}
          <TextInput
            label={t('savedReplies.tags')}
            description={t('savedReplies.tagsHint')}
            value={tags}
            onChange={(event) => setTags(event.currentTarget.value)}
            error={error.field('tags')}
          />
          <MultiSelect
            label={t('savedReplies.intents')}
            description={t('savedReplies.intentsHint')}
            data={INBOX_INTENTS.map((intent) => ({ value: intent, label: t(intentLabelKey(intent)) }))}
            value={intents}
            onChange={setIntents}
            error={error.field('intents')}
            clearable
          />
          <Group>
            <Button type="submit" loading={failed.isPending} disabled={unknown.length > 0}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  )
}
