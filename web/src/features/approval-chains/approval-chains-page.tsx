// "Alur persetujuan": who approves the posts of a unit or an account. Pick a unit (and optionally one of its
// accounts); the page shows the chain its posts go through and where it comes from (the account's own, the unit's,
// a unit above, or the default), and — for the admin and the penanggung jawab over the unit — an editor: 1–3
// steps, each a role or named users, any or all of them; whether rescheduling sends an approved post back; the
// crisis fast-track approvers. Below, every chain set on the units the reader manages.
import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel, roleLabel } from '../../components/vocabulary-labels.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { accountsPageQuery } from '../accounts/accounts-queries.ts'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import { useUserChoices } from '../users/users-queries.ts'
import type { ApprovalStep, ChainBody, ChainList, ChainReading } from './approval-chains-types.ts'

/** The roles a step may name (features/approvals/approval-chain.ts APPROVER_ROLES). */
const APPROVER_ROLES = ['penanggung_jawab', 'admin', 'pimpinan'] as const
const MAX_STEPS = 3

const chainKeys = { all: ['approval-chains'] as const }

const chainListQuery = queryOptions({
  queryKey: [...chainKeys.all, 'list'] as const,
  queryFn: () => api.get<ChainList>('/api/approval-chains'),
})

function ownerPath(unitId: string, accountId: string): string {
  return accountId ? `/api/approval-chains/accounts/${accountId}` : `/api/approval-chains/units/${unitId}`
}

function chainReadingQuery(unitId: string, accountId: string) {
  return queryOptions({
    queryKey: [...chainKeys.all, 'one', unitId, accountId] as const,
    queryFn: () => api.get<ChainReading>(ownerPath(unitId, accountId)),
    enabled: unitId !== '',
  })
}

function StepEditor({
  index,
  step,
  people,
  onChange,
  onRemove,
  error,
}: {
  index: number
  step: ApprovalStep
  people: Array<{ value: string; label: string }>
  onChange: (step: ApprovalStep) => void
  onRemove: (() => void) | null
  error: (...names: string[]) => string | undefined
}) {
  const { t, locale } = useI18n()
  return (
    <Fieldset legend={t('approvalChains.step', { number: index + 1 })} data-testid={`approval-step-${index}`}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
        <NativeSelect
          label={t('approvalChains.who')}
          value={step.kind}
          onChange={(event) =>
            onChange(
              event.currentTarget.value === 'users'
                ? { kind: 'users', userIds: [], mode: step.mode }
                : { kind: 'role', role: 'penanggung_jawab', mode: step.mode },
            )
          }
          data={[
            { value: 'role', label: t('approvalChains.kindRole') },
            { value: 'users', label: t('approvalChains.kindUsers') },
          ]}
        />
        {step.kind === 'role' ? (
          <NativeSelect
            label={t('approvalChains.role')}
            value={step.role}
            error={error(`steps.${index}.role`)}
            onChange={(event) => {
              const role = APPROVER_ROLES.find((candidate) => candidate === event.currentTarget.value)
              if (role) onChange({ ...step, role })
            }}
            data={APPROVER_ROLES.map((role) => ({ value: role, label: roleLabel(locale, role) }))}
          />
        ) : (
          <MultiSelect
            label={t('approvalChains.users')}
            value={step.userIds}
            searchable
            data={people}
            error={error(`steps.${index}.userIds`, `steps.${index}.userIds.0`)}
            onChange={(userIds) => onChange({ ...step, userIds })}
          />
        )}
        <div>
          <Text size="sm" fw={500} mb={4} id={`approval-step-${index}-mode`}>
            {t('approvalChains.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby={`approval-step-${index}-mode`}
            value={step.mode}
            onChange={(mode) => onChange({ ...step, mode: mode === 'all' ? 'all' : 'any' })}
            data={[
              { value: 'any', label: t('approvalChains.modeAny') },
              { value: 'all', label: t('approvalChains.modeAll') },
            ]}
          />
        </div>
      </SimpleGrid>
      {onRemove ? (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
            {t('approvalChains.removeStep', { number: index + 1 })}
          </Button>
        </Group>
      ) : null}
    </Fieldset>
  )
}

function ChainEditor({
  reading,
  unitId,
  accountId,
  people,
}: {
  reading: ChainReading
  unitId: string
  accountId: string
  people: Array<{ value: string; label: string }>
}) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const confirm = useConfirm()
  const start = reading.own ?? reading.effective
  const [draft, setDraft] = useState<ChainBody>({
    steps: start.steps.map((step) => ({ ...step })),
    rescheduleRequiresApproval: start.rescheduleRequiresApproval,
    crisisApproverIds: [...start.crisisApproverIds],
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: chainKeys.all })
  const save = useMutation({
    mutationFn: () => api.put(ownerPath(unitId, accountId), draft),
    onSuccess: async () => {
      notifySuccess(t('approvalChains.saved'))
      await refresh()
    },
  })
  const remove = useMutation({
    mutationFn: () => api.delete(ownerPath(unitId, accountId)),
    onSuccess: async () => {
      notifySuccess(t('approvalChains.removed'))
      await refresh()
    },
  })
  const error = useErrorText(save.error ?? remove.error)
  const setStep = (index: number, step: ApprovalStep) =>
    setDraft((previous) => ({ ...previous, steps: previous.steps.map((s, i) => (i === index ? step : s)) }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="sm">
        {draft.steps.map((step, index) => (
          <StepEditor
            key={index}
            index={index}
            step={step}
            people={people}
            error={error.field}
            onChange={(next) => setStep(index, next)}
            onRemove={
              draft.steps.length > 1
                ? () =>
                    setDraft((previous) => ({
                      ...previous,
                      steps: previous.steps.filter((_, i) => i !== index),
                    }))
                : null
            }
          />
        ))}
        {draft.steps.length < MAX_STEPS ? (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                setDraft((previous) => ({
                  ...previous,
                  steps: [...previous.steps, { kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
                }))
              }
            >
              {t('approvalChains.addStep')}
            </Button>
          </Group>
        ) : null}
        <Checkbox
          label={t('approvalChains.reschedule')}
          description={t('approvalChains.rescheduleHelp')}
          checked={draft.rescheduleRequiresApproval}
          onChange={(event) => {
            const checked = event.currentTarget.checked
            setDraft((previous) => ({ ...previous, rescheduleRequiresApproval: checked }))
          }}
        />
        <MultiSelect
          label={t('approvalChains.crisisApprovers')}
          description={t('approvalChains.crisisHelp')}
          searchable
          data={people}
          value={draft.crisisApproverIds}
          error={error.field('crisisApproverIds', 'crisisApproverIds.0')}
          onChange={(crisisApproverIds) => setDraft((previous) => ({ ...previous, crisisApproverIds }))}
        />
      </Stack>
      <Group justify="flex-end" mt="md">
        {reading.own ? (
          <Button
            variant="default"
            loading={remove.isPending}
            onClick={() =>
              void confirm({
                title: t('approvalChains.removeTitle'),
                message: t('approvalChains.removeMessage'),
                confirmLabel: t('approvalChains.remove'),
              }).then((ok) => {
                if (ok) remove.mutate()
              })
            }
          >
            {t('approvalChains.remove')}
          </Button>
        ) : null}
        <Button type="submit" loading={save.isPending}>
          {accountId ? t('approvalChains.saveAccount') : t('approvalChains.saveUnit')}
        </Button>
      </Group>
    </form>
  )
}

function SourceBadge({ reading }: { reading: ChainReading }) {
  const { t } = useI18n()
  const units = useUnits()
  const source = reading.effective.source
  const text =
    source.kind === 'default'
      ? t('approvalChains.sourceDefault')
      : source.kind === 'account'
        ? t('approvalChains.sourceAccount')
        : source.inherited
          ? t('approvalChains.sourceInherited', {
              unit: units.options.find(({ unit }) => unit.id === source.unitId)?.unit.name ?? '—',
            })
          : t('approvalChains.sourceUnit')
  return (
    <Badge variant="light" color={source.kind === 'default' ? 'gray' : 'warta'} data-testid="chain-source">
      {text}
    </Badge>
  )
}

function describeStep(
  step: ApprovalStep,
  names: Map<string, string>,
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
): string {
  const who =
    step.kind === 'role'
      ? t('approvalChains.holders', { role: roleLabel(locale, step.role) })
      : step.userIds.map((id) => names.get(id) ?? '—').join(', ')
  return `${step.mode === 'all' ? t('approvalChains.modeAll') : t('approvalChains.modeAny')}: ${who}`
}

function ChainList() {
  const { t, locale } = useI18n()
  const list = useQuery(chainListQuery)
  const names = new Map((list.data?.people ?? []).map((person) => [person.id, person.name]))
  return (
    <Panel title={t('approvalChains.listTitle')} description={t('approvalChains.listIntro')}>
      <LoadState loading={list.isPending} error={list.error} />
      {list.data && list.data.chains.length === 0 ? (
        <Text c="dimmed">{t('approvalChains.listEmpty')}</Text>
      ) : null}
      <List spacing="sm" data-testid="chain-list">
        {list.data?.chains.map((chain) => (
          <List.Item key={chain.id}>
            <Text fw={600}>
              {chain.accountId
                ? `${platformLabel(chain.accountPlatform ?? '')} @${chain.accountHandle ?? ''} · ${chain.ownerUnitName}`
                : chain.ownerUnitName}
            </Text>
            <Text size="sm">
              {chain.steps
                .map((step, index) => `${index + 1}. ${describeStep(step, names, t, locale)}`)
                .join(' → ')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Panel>
  )
}

export function ApprovalChainsPage() {
  const { t, locale } = useI18n()
  const units = useUnits()
  const users = useUserChoices()
  const [unitId, setUnitId] = useState('')
  const [accountId, setAccountId] = useState('')
  const chosenUnit = unitId || (units.options.find(({ unit }) => !unit.archivedAt)?.unit.id ?? '')
  const accounts = useQuery({
    ...accountsPageQuery({ unitId: chosenUnit, platform: '', status: '', breaksNaming: false, q: '' }, 0),
    enabled: chosenUnit !== '',
  })
  const unitAccounts = (accounts.data?.items ?? []).filter((account) => account.unit.id === chosenUnit)
  const reading = useQuery(chainReadingQuery(chosenUnit, accountId))
  const people = (users.data?.items ?? [])
    .filter((user) => !user.disabled)
    .map((user) => ({ value: user.id, label: user.name }))
  const names = new Map((reading.data?.people ?? []).map((person) => [person.id, person.name]))
  return (
    <>
      <PageHeader title={t('approvalChains.title')} description={t('approvalChains.intro')} />
      <Panel title={t('approvalChains.chooseTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UnitSelect
            label={t('approvalChains.unit')}
            options={units.options}
            value={chosenUnit}
            onChange={(event) => {
              setUnitId(event.currentTarget.value)
              setAccountId('')
            }}
          />
          <NativeSelect
            label={t('approvalChains.account')}
            value={accountId}
            onChange={(event) => setAccountId(event.currentTarget.value)}
            data={[
              { value: '', label: t('approvalChains.wholeUnit') },
              ...unitAccounts.map((account) => ({
                value: account.id,
                label: `${platformLabel(account.platform)} @${account.handle}`,
              })),
            ]}
          />
        </SimpleGrid>
      </Panel>
      <Panel title={t('approvalChains.effectiveTitle')}>
        <LoadState loading={reading.isPending && chosenUnit !== ''} error={reading.error} />
        {reading.data ? (
          <Stack gap="xs">
            <Group gap="xs">
              <SourceBadge reading={reading.data} />
            </Group>
            <List type="ordered" spacing={4} data-testid="effective-chain">
              {reading.data.effective.steps.map((step, index) => (
                <List.Item key={index}>{describeStep(step, names, t, locale)}</List.Item>
              ))}
            </List>
            <Text size="sm">
              {reading.data.effective.rescheduleRequiresApproval
                ? t('approvalChains.rescheduleOn')
                : t('approvalChains.rescheduleOff')}
            </Text>
            <Text size="sm">
              {reading.data.effective.crisisApproverIds.length > 0
                ? t('approvalChains.crisisList', {
                    names: reading.data.effective.crisisApproverIds
                      .map((id) => names.get(id) ?? '—')
                      .join(', '),
                  })
                : t('approvalChains.crisisNone')}
            </Text>
          </Stack>
        ) : null}
      </Panel>
      {reading.data?.canManage ? (
        <Panel
          title={accountId ? t('approvalChains.editAccountTitle') : t('approvalChains.editUnitTitle')}
          description={t('approvalChains.editIntro')}
        >
          <ChainEditor
            key={`${chosenUnit}-${accountId}-${reading.data.own?.updatedAt ?? 'none'}`}
            reading={reading.data}
            unitId={chosenUnit}
            accountId={accountId}
            people={people}
          />
        </Panel>
      ) : null}
      <ChainList />
    </>
  )
}
