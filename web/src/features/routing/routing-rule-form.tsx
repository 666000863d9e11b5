// Adding or changing a routing rule: its name, the conditions (all must hold; any value within one), the action,
// and "Uji aturan": the rule as typed tested on a sample text, each condition shown as met or not.
import {
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { INBOX_INTENTS, INBOX_SENTIMENTS } from '../../../../src/shared/inbox-labels.ts'
import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../../../../src/shared/platforms.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { intentLabelKey } from '../saved-replies/saved-reply-form.tsx'
import { routingRequests, useRoutingChange } from './routing-queries.ts'
import type { RoutingAction, RoutingReferences, RoutingRule, RoutingRuleBody } from './routing-types.ts'

type ActionKind = RoutingAction['kind']
const ACTION_KINDS: readonly ActionKind[] = ['assign_unit', 'assign_user', 'add_label', 'set_priority_floor']
export const actionKindKey = (kind: ActionKind): MessageKey => `routing.action.${kind}`
export const conditionKey = (condition: string): MessageKey => `routing.condition.${condition}` as MessageKey
export const sentimentKey = (sentiment: string): MessageKey => `inboxSentiment.${sentiment}` as MessageKey

const words = (text: string) =>
  text
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter(Boolean)

export function RoutingRuleForm({
  rule,
  references,
  onDone,
}: {
  rule: RoutingRule | null
  references: RoutingReferences
  onDone: () => void
}) {
  const { t } = useI18n()
  const c = rule?.conditions
  const [name, setName] = useState(rule?.name ?? '')
  const [enabled, setEnabled] = useState(rule?.enabled ?? true)
  const [keywordsAny, setKeywordsAny] = useState(c?.keywordsAny.join(', ') ?? '')
  const [keywordsAll, setKeywordsAll] = useState(c?.keywordsAll.join(', ') ?? '')
  const [intents, setIntents] = useState<string[]>(c?.intents ?? [])
  const [sentiments, setSentiments] = useState<string[]>(c?.sentiments ?? [])
  const [platforms, setPlatforms] = useState<string[]>(c?.platforms ?? [])
  const [accountIds, setAccountIds] = useState<string[]>(c?.accountIds ?? [])
  const [unitIds, setUnitIds] = useState<string[]>(c?.unitIds ?? [])
  const [hoax, setHoax] = useState(c?.hoaxMatched === true ? 'yes' : c?.hoaxMatched === false ? 'no' : '')
  const action = rule?.action
  const [kind, setKind] = useState<ActionKind>(action?.kind ?? 'assign_unit')
  const [unitId, setUnitId] = useState(action?.kind === 'assign_unit' ? action.unitId : '')
  const [userId, setUserId] = useState(action?.kind === 'assign_user' ? action.userId : '')
  const [label, setLabel] = useState(action?.kind === 'add_label' ? action.label : '')
  const [priority, setPriority] = useState<number>(
    action?.kind === 'set_priority_floor' ? action.priority : 50,
  )
  const [sampleText, setSampleText] = useState('')
  const [samplePlatform, setSamplePlatform] = useState('')
  const create = useRoutingChange(routingRequests.create)
  const update = useRoutingChange(routingRequests.update)
  const preview = useMutation({ mutationFn: routingRequests.preview })
  const failed = rule ? update : create
  const error = useErrorText(failed.error)
  const previewError = useErrorText(preview.error)

  const conditions = (): RoutingRuleBody['conditions'] => ({
    keywordsAny: words(keywordsAny),
    keywordsAll: words(keywordsAll),
    intents,
    sentiments,
    platforms,
    accountIds,
    unitIds,
    hoaxMatched: hoax === 'yes' ? true : hoax === 'no' ? false : null,
  })
  const currentAction = (): RoutingAction => {
    switch (kind) {
      case 'assign_unit':
        return { kind, unitId }
      case 'assign_user':
        return { kind, userId }
      case 'add_label':
        return { kind, label }
      case 'set_priority_floor':
        return { kind, priority }
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body: RoutingRuleBody = { name, enabled, conditions: conditions(), action: currentAction() }
    const done = () => {
      notifySuccess(t(rule ? 'routing.updated' : 'routing.created'))
      onDone()
    }
    if (rule) update.mutate({ id: rule.id, body }, { onSuccess: done })
    else create.mutate(body, { onSuccess: done })
  }

  const test = () =>
    preview.mutate({
      rule: { conditions: conditions(), action: currentAction() },
      sample: { text: sampleText, ...(samplePlatform ? { platform: samplePlatform as Platform } : {}) },
    })

  const unitData = references.units.map((unit) => ({
    value: unit.id,
    label: `${'\u00a0\u00a0'.repeat(unit.depth)}${unit.name} (${unit.code})`,
  }))
  const field = (name: string) => error.field(name) ?? previewError.field(name)

  return (
    <Panel title={rule ? t('routing.editTitle') : t('routing.newTitle')} focusOnMount>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorText>{error.banner}</ErrorText>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('routing.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={error.field('name')}
              maxLength={200}
              required
            />
            <Switch
              label={t('routing.enabled')}
              checked={enabled}
              onChange={(event) => setEnabled(event.currentTarget.checked)}
              mt={{ base: 0, sm: 30 }}
            />
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('routing.conditions')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('routing.conditionsHint')}
          </Text>
          <ErrorText>{error.field('conditions')}</ErrorText>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('routing.condition.keywordsAny')}
              description={t('routing.keywordsHint')}
              value={keywordsAny}
              onChange={(event) => setKeywordsAny(event.currentTarget.value)}
              error={field('conditions.keywordsAny')}
            />
            <TextInput
              label={t('routing.condition.keywordsAll')}
              description={t('routing.keywordsHint')}
              value={keywordsAll}
              onChange={(event) => setKeywordsAll(event.currentTarget.value)}
              error={field('conditions.keywordsAll')}
            />
            <MultiSelect
              label={t('routing.condition.intents')}
              data={INBOX_INTENTS.map((value) => ({ value, label: t(intentLabelKey(value)) }))}
              value={intents}
              onChange={setIntents}
              error={field('conditions.intents')}
              clearable
            />
            <MultiSelect
              label={t('routing.condition.sentiments')}
              data={INBOX_SENTIMENTS.map((value) => ({ value, label: t(sentimentKey(value)) }))}
              value={sentiments}
              onChange={setSentiments}
              error={field('conditions.sentiments')}
              clearable
            />
            <MultiSelect
              label={t('routing.condition.platforms')}
              data={PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] }))}
              value={platforms}
              onChange={setPlatforms}
              error={field('conditions.platforms')}
              clearable
            />
            <MultiSelect
              label={t('routing.condition.accountIds')}
              data={references.accounts.map((account) => ({
                value: account.id,
                label: `${PLATFORM_LABELS[account.platform as Platform] ?? account.platform} ${account.handle}`,
              }))}
              value={accountIds}
              onChange={setAccountIds}
              error={field('conditions.accountIds')}
              searchable
              clearable
            />
            <MultiSelect
              label={t('routing.condition.unitIds')}
              description={t('routing.unitsHint')}
              data={unitData}
              value={unitIds}
              onChange={setUnitIds}
              error={field('conditions.unitIds')}
              searchable
              clearable
            />
            <NativeSelect
              label={t('routing.condition.hoaxMatched')}
              data={[
                { value: '', label: t('routing.hoaxAny') },
                { value: 'yes', label: t('routing.hoaxYes') },
                { value: 'no', label: t('routing.hoaxNo') },
              ]}
              value={hoax}
              onChange={(event) => setHoax(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('routing.actionTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('routing.actionKind')}
              description={t('routing.actionHint')}
              data={ACTION_KINDS.map((value) => ({ value, label: t(actionKindKey(value)) }))}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as ActionKind)}
            />
            {kind === 'assign_unit' ? (
              <NativeSelect
                label={t('routing.targetUnit')}
                data={[{ value: '', label: t('routing.choose') }, ...unitData]}
                value={unitId}
                onChange={(event) => setUnitId(event.currentTarget.value)}
                error={error.field('action.unitId', 'action')}
                required
              />
            ) : kind === 'assign_user' ? (
              <NativeSelect
                label={t('routing.targetUser')}
                description={t('routing.targetUserHint')}
                data={[
                  { value: '', label: t('routing.choose') },
                  ...references.users.map((user) => ({
                    value: user.id,
                    label: `${user.name} (${user.email})`,
                  })),
                ]}
                value={userId}
                onChange={(event) => setUserId(event.currentTarget.value)}
                error={error.field('action.userId', 'action')}
                required
              />
            ) : kind === 'add_label' ? (
              <TextInput
                label={t('routing.label')}
                value={label}
                onChange={(event) => setLabel(event.currentTarget.value)}
                error={error.field('action.label', 'action')}
                maxLength={40}
                required
              />
            ) : (
              <NumberInput
                label={t('routing.priority')}
                description={t('routing.priorityHint')}
                min={0}
                max={100}
                value={priority}
                onChange={(value) => setPriority(typeof value === 'number' ? value : Number(value) || 0)}
                error={error.field('action.priority', 'action')}
              />
            )}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={failed.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="sm" mt="lg" role="region" aria-label={t('routing.testTitle')}>
        <Title order={3} size="h5">
          {t('routing.testTitle')}
        </Title>
        <Textarea
          label={t('routing.sampleText')}
          value={sampleText}
          onChange={(event) => setSampleText(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <NativeSelect
          label={t('routing.samplePlatform')}
          data={[
            { value: '', label: t('routing.choose') },
            ...PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] })),
          ]}
          value={samplePlatform}
          onChange={(event) => setSamplePlatform(event.currentTarget.value)}
          maw={320}
        />
        <Group>
          <Button variant="light" onClick={test} loading={preview.isPending} disabled={!sampleText.trim()}>
            {t('routing.test')}
          </Button>
        </Group>
        <ErrorText>{previewError.banner}</ErrorText>
        {preview.data ? (
          <Alert
            color={preview.data.matches ? 'green' : 'orange'}
            title={preview.data.matches ? t('routing.testMatches') : t('routing.testNoMatch')}
            data-testid="routing-preview"
          >
            <Stack gap={4}>
              <Text size="sm">
                {t('routing.testRead', {
                  intent: t(intentLabelKey(preview.data.sample.intent)),
                  sentiment: t(sentimentKey(preview.data.sample.sentiment)),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('routing.testNormalised', { text: preview.data.sample.normalisedText })}
              </Text>
              <List size="sm">
                {preview.data.conditions.map((found) => (
                  <List.Item key={found.condition}>
                    {found.matched ? '✓ ' : '✗ '}
                    {t(conditionKey(found.condition))}
                    {' — '}
                    {found.matched ? t('routing.conditionMet') : t('routing.conditionNotMet')}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Panel>
  )
}
