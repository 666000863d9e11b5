// One information request under UU KIP: its registration number and clocks, the one extension (written reason,
// before the original deadline), the Pasal 22(7) notice a–g carrying the decision, and the objection to the
// atasan PPID with its answer. The API checks every rule; the page shows its field problems where they belong.
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  DataList,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { DateField } from '../../components/date-field.tsx'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { ClockBadge } from './clock-badge.tsx'
import { ppidCaseQuery, slaKeys, slaRequests, useSlaChange } from './ppid-queries.ts'
import type { KipNotice, PpidCase } from './ppid-types.ts'

const PASAL_17 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const
const DECISIONS = ['granted', 'partially_granted', 'refused', 'not_held'] as const
const OBJECTION_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const

type Exemption = { code: (typeof PASAL_17)[number] | null; subItem?: string | null; reason: string }

/** The Pasal 17 grounds a sent notice cited, as the notice prints them ("huruf h angka 2: …"). */
function groundsOf(notice: KipNotice): string {
  const cite = (e: { code: string | null; subItem?: string | null; reason: string }) =>
    `${e.code ?? '?'}${e.subItem ? ` ${e.subItem}` : ''}: ${e.reason}`
  const grounds = [
    ...(notice.refusalGrounds ?? []).map(cite),
    ...(notice.redactions ?? []).map((r) => `${r.part} — ${cite(r.exemption)}`),
  ]
  return grounds.length > 0 ? grounds.map((g) => `Pasal 17 ${g}`).join('; ') : '—'
}

function Dates({ item }: { item: PpidCase }) {
  const { t, locale } = useI18n()
  const date = (value: string | null) => (value ? formatDate(value, locale, 'date') : '—')
  const provisional = ` (${t('ppid.provisional')})`
  const rows: [MessageKey, string][] = [
    ['ppid.receivedOn', date(item.receivedOn)],
    // The provisional mark goes with the deadline that now applies (the extension's, once extended).
    ['ppid.dueOn', `${date(item.dueOn)}${item.dueProvisional && !item.extendedDueOn ? provisional : ''}`],
    [
      'ppid.extendedDueOn',
      item.extendedDueOn
        ? `${date(item.extendedDueOn)}${item.dueProvisional ? provisional : ''} — ${item.extensionReason ?? ''}`
        : '—',
    ],
    [
      'ppid.noticeSentOn',
      item.noticeSentOn ? `${date(item.noticeSentOn)}${item.noticeLate ? ` (${t('ppid.late')})` : ''}` : '—',
    ],
    ['ppid.decision', item.decision ? t(`ppid.decision.${item.decision}` as MessageKey) : '—'],
    ...(item.decision === 'refused' || item.decision === 'partially_granted'
      ? ([['ppid.groundsCited', groundsOf(item.notice)]] as [MessageKey, string][])
      : []),
    // The answer's and the Komisi Informasi's dates show with the objection on file (ObjectionSummary).
    [
      'ppid.objectionFilingEndsOn',
      `${date(item.objectionFilingEndsOn)}${item.objectionWindow?.provisional ? provisional : ''}`,
    ],
  ]
  return (
    <DataList data-testid="ppid-dates">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  )
}

function ExtendForm({ item }: { item: PpidCase }) {
  const { t, locale } = useI18n()
  const [reason, setReason] = useState('')
  const [days, setDays] = useState<string | number>(7)
  const extend = useSlaChange(slaKeys.ppid, slaRequests.extend)
  const error = useErrorText(extend.error)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    extend.mutate(
      { id: item.id, reason, days: Number(days) },
      { onSuccess: () => notifySuccess(t('ppid.extended')) },
    )
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="sm">
        <Text size="sm">
          {t('ppid.extendHint', {
            due: formatDate(item.dueOn, locale, 'date'),
            max: formatDate(item.extendedMaxOn, locale, 'date'),
          })}
        </Text>
        <Textarea
          label={t('ppid.extensionReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error.field('reason')}
          autosize
          minRows={2}
          required
        />
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label={t('ppid.extensionDays')}
            value={days}
            onChange={setDays}
            min={1}
            max={7}
            allowDecimal={false}
            error={error.field('days')}
            w={160}
          />
          <Button type="submit" variant="default" loading={extend.isPending}>
            {t('ppid.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function ExemptionFields({
  value,
  onChange,
  error,
  prefix,
  withPart,
}: {
  value: Exemption & { part?: string }
  onChange: (next: Exemption & { part?: string }) => void
  error: (...names: string[]) => string | undefined
  prefix: string
  withPart: boolean
}) {
  const { t } = useI18n()
  const exemptionPrefix = withPart ? `${prefix}.exemption` : prefix
  return (
    <Group align="flex-start" wrap="wrap" gap="xs">
      {withPart ? (
        <TextInput
          label={t('ppid.notice.part')}
          value={value.part ?? ''}
          onChange={(event) => onChange({ ...value, part: event.currentTarget.value })}
          error={error(`${prefix}.part`)}
          miw={200}
        />
      ) : null}
      <NativeSelect
        label={t('ppid.notice.pasal17')}
        data={[
          { value: '', label: t('ppid.notice.chooseCode') },
          ...PASAL_17.map((code) => ({ value: code, label: `${t('ppid.notice.huruf')} ${code}` })),
        ]}
        value={value.code ?? ''}
        onChange={(event) =>
          onChange({ ...value, code: (event.currentTarget.value || null) as Exemption['code'] })
        }
        error={error(`${exemptionPrefix}.code`)}
        w={150}
      />
      <TextInput
        label={t('ppid.notice.subItem')}
        value={value.subItem ?? ''}
        onChange={(event) => onChange({ ...value, subItem: event.currentTarget.value || null })}
        w={90}
      />
      <TextInput
        label={t('ppid.notice.reason')}
        value={value.reason}
        onChange={(event) => onChange({ ...value, reason: event.currentTarget.value })}
        error={error(`${exemptionPrefix}.reason`)}
        miw={220}
        style={{ flex: 1 }}
      />
    </Group>
  )
}

function NoticeForm({ item }: { item: PpidCase }) {
  const { t } = useI18n()
  const [notice, setNotice] = useState<KipNotice>(item.notice)
  const save = useSlaChange(slaKeys.ppid, slaRequests.saveNotice)
  const send = useSlaChange(slaKeys.ppid, slaRequests.sendNotice)
  const error = useErrorText(send.error ?? save.error)
  const field = (name: string) => error.field(`notice.${name}`)
  const set = <K extends keyof KipNotice>(key: K, value: KipNotice[K]) =>
    setNotice({ ...notice, [key]: value })
  const grounds = (notice.refusalGrounds ?? []) as Exemption[]
  const redactions = (notice.redactions ?? []) as { part: string; exemption: Exemption }[]
  const gives = notice.decision === 'granted' || notice.decision === 'partially_granted'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    send.mutate({ id: item.id, notice }, { onSuccess: () => notifySuccess(t('ppid.noticeSent')) })
  }
  return (
    <form onSubmit={submit} noValidate data-testid="notice-form">
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="md">
        <Radio.Group
          label={t('ppid.notice.a')}
          value={notice.held === true ? 'yes' : notice.held === false ? 'no' : ''}
          onChange={(value) => set('held', value === 'yes')}
          error={field('held')}
        >
          <Group mt="xs">
            <Radio value="yes" label={t('ppid.notice.heldYes')} />
            <Radio value="no" label={t('ppid.notice.heldNo')} />
          </Group>
        </Radio.Group>
        {notice.held === false ? (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('ppid.notice.b')}
              value={notice.holderAgency ?? ''}
              onChange={(event) => set('holderAgency', event.currentTarget.value)}
              error={field('holderAgency')}
              miw={260}
            />
            <Checkbox
              label={t('ppid.notice.holderUnknown')}
              checked={notice.holderUnknown === true}
              onChange={(event) => set('holderUnknown', event.currentTarget.checked)}
              mb={8}
            />
          </Group>
        ) : null}
        <NativeSelect
          label={t('ppid.notice.c')}
          data={[
            { value: '', label: t('ppid.notice.chooseDecision') },
            ...DECISIONS.map((value) => ({ value, label: t(`ppid.decision.${value}` as MessageKey) })),
          ]}
          value={notice.decision ?? ''}
          onChange={(event) => set('decision', (event.currentTarget.value || null) as KipNotice['decision'])}
          error={field('decision')}
          maw={360}
        />
        {notice.decision === 'refused' ? (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('ppid.notice.refusalGrounds')}
            </Text>
            {field('refusalGrounds') ? (
              <Text c="red" size="sm">
                {field('refusalGrounds')}
              </Text>
            ) : null}
            {grounds.map((ground, index) => (
              <Group key={index} align="flex-end" wrap="nowrap" gap="xs">
                <ExemptionFields
                  value={ground}
                  onChange={(next) =>
                    set(
                      'refusalGrounds',
                      grounds.map((g, i) => (i === index ? next : g)),
                    )
                  }
                  error={error.field}
                  prefix={`notice.refusalGrounds.${index}`}
                  withPart={false}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  aria-label={t('ppid.notice.remove')}
                  onClick={() =>
                    set(
                      'refusalGrounds',
                      grounds.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => set('refusalGrounds', [...grounds, { code: null, reason: '' }])}
              >
                {t('ppid.notice.addGround')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {gives ? (
          <Textarea
            label={t('ppid.notice.d')}
            value={notice.material ?? ''}
            onChange={(event) => set('material', event.currentTarget.value)}
            error={field('material')}
            autosize
            minRows={2}
          />
        ) : null}
        {notice.decision === 'partially_granted' ? (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('ppid.notice.e')}
            </Text>
            {field('redactions') ? (
              <Text c="red" size="sm">
                {field('redactions')}
              </Text>
            ) : null}
            {redactions.map((redaction, index) => (
              <Group key={index} align="flex-end" wrap="nowrap" gap="xs">
                <ExemptionFields
                  value={{ ...redaction.exemption, part: redaction.part }}
                  onChange={({ part, ...exemption }) =>
                    set(
                      'redactions',
                      redactions.map((r, i) => (i === index ? { part: part ?? '', exemption } : r)),
                    )
                  }
                  error={error.field}
                  prefix={`notice.redactions.${index}`}
                  withPart
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  aria-label={t('ppid.notice.remove')}
                  onClick={() =>
                    set(
                      'redactions',
                      redactions.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="compact-sm"
                onClick={() =>
                  set('redactions', [...redactions, { part: '', exemption: { code: null, reason: '' } }])
                }
              >
                {t('ppid.notice.addRedaction')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {gives ? (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={t('ppid.notice.fMethod')}
                value={notice.deliveryMethod ?? ''}
                onChange={(event) => set('deliveryMethod', event.currentTarget.value)}
                error={field('deliveryMethod')}
                miw={200}
              />
              <TextInput
                label={t('ppid.notice.fFormat')}
                value={notice.deliveryFormat ?? ''}
                onChange={(event) => set('deliveryFormat', event.currentTarget.value)}
                error={field('deliveryFormat')}
                miw={200}
              />
            </Group>
            <Group grow align="flex-start" wrap="wrap">
              <NumberInput
                label={t('ppid.notice.gCost')}
                value={notice.cost ?? ''}
                onChange={(value) => set('cost', value === '' ? null : Number(value))}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                prefix="Rp "
                error={field('cost')}
                miw={200}
              />
              <TextInput
                label={t('ppid.notice.gPayment')}
                value={notice.paymentMethod ?? ''}
                onChange={(event) => set('paymentMethod', event.currentTarget.value)}
                error={field('paymentMethod')}
                miw={200}
              />
            </Group>
          </>
        ) : null}
        <Group wrap="wrap">
          <Button type="submit" loading={send.isPending}>
            {t('ppid.sendNotice')}
          </Button>
          <Button
            variant="default"
            loading={save.isPending}
            onClick={() =>
              save.mutate({ id: item.id, notice }, { onSuccess: () => notifySuccess(t('ppid.draftSaved')) })
            }
          >
            {t('ppid.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/**
 * Whether the 30-WD objection window (Pasal 36(1)) is still open, and until when. The API refuses an objection
 * received after the last day; one received in time may still be recorded later with its date of receipt.
 */
function ObjectionWindowNote({ item }: { item: PpidCase }) {
  const { t, locale } = useI18n()
  const window = item.objectionWindow
  if (!window) return null
  const date = `${formatDate(window.endsOn, locale, 'date')}${window.provisional ? ` (${t('ppid.provisional')})` : ''}`
  if (!window.open)
    return (
      <Notice tone="warning" title={t('ppid.objectionWindowClosedTitle')}>
        {t('ppid.objectionWindowClosed', { date })}
      </Notice>
    )
  return (
    <Text size="sm" data-testid="objection-window">
      {t('ppid.objectionWindowOpen', {
        date,
        days: window.workingDaysLeft,
        ground: formatDate(window.groundOn, locale, 'date'),
      })}
    </Text>
  )
}

function ObjectionForm({ item }: { item: PpidCase }) {
  const { t } = useI18n()
  const [grounds, setGrounds] = useState<string[]>([])
  const [receivedOn, setReceivedOn] = useState('')
  const file = useSlaChange(slaKeys.ppid, slaRequests.objection)
  const error = useErrorText(file.error)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    file.mutate(
      { id: item.id, grounds, ...(receivedOn ? { receivedOn } : {}) },
      { onSuccess: () => notifySuccess(t('ppid.objectionRecorded')) },
    )
  }
  return (
    <form onSubmit={submit} noValidate data-testid="objection-form">
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="sm">
        <ObjectionWindowNote item={item} />
        <Checkbox.Group
          label={t('ppid.objectionGrounds')}
          value={grounds}
          onChange={setGrounds}
          error={error.field('grounds')}
        >
          <Stack gap={4} mt="xs">
            {OBJECTION_GROUNDS.map((ground) => (
              <Checkbox key={ground} value={ground} label={t(`ppid.ground.${ground}` as MessageKey)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group align="flex-end" wrap="wrap">
          <DateField
            label={t('ppid.objectionReceivedOn')}
            description={t('ppid.objectionReceivedOnHint')}
            value={receivedOn}
            onChange={setReceivedOn}
            error={error.field('receivedOn')}
          />
          <Button type="submit" variant="default" loading={file.isPending}>
            {t('ppid.recordObjection')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The objection on file: its grounds, its own clock (the atasan PPID's 30 WD), the answer and the KI window. */
function ObjectionSummary({ item }: { item: PpidCase }) {
  const { t, locale } = useI18n()
  const date = (value: string | null) => (value ? formatDate(value, locale, 'date') : '—')
  const answering = item.status === 'objection'
  const answerDue = `${date(item.objectionAnswerDueOn)}${item.objectionAnswerProvisional ? ` (${t('ppid.provisional')})` : ''}`
  const rows: [MessageKey, string][] = [
    ['ppid.objectionReceivedOn', date(item.objectionReceivedOn)],
    ['ppid.objectionAnswerDueOn', answerDue],
    ...(item.objectionAnsweredOn
      ? ([
          ['ppid.objectionAnsweredOn', date(item.objectionAnsweredOn)],
          [
            'ppid.objectionOutcome',
            item.objectionUpholdsRefusal ? t('ppid.outcomeUpheld') : t('ppid.outcomeNotUpheld'),
          ],
          ['ppid.answerReason', item.objectionAnswerReason ?? '—'],
          ['ppid.disputeDueOn', date(item.disputeDueOn)],
        ] as [MessageKey, string][])
      : []),
  ]
  return (
    <Stack gap="sm" data-testid="objection-summary">
      {answering ? (
        <Group gap="sm" align="flex-start" wrap="wrap">
          <ClockBadge state={item.clock.state} workingDaysLeft={item.clock.workingDaysLeft} />
          <Text size="sm">{t('ppid.objectionClock', { date: answerDue })}</Text>
        </Group>
      ) : null}
      <div>
        <Text size="sm" fw={600}>
          {t('ppid.objectionGrounds')}
        </Text>
        <Stack gap={2} component="ul" m={0} pl="md">
          {(item.objectionGrounds ?? []).map((ground) => (
            <Text key={ground} size="sm" component="li">
              {t(`ppid.ground.${ground}` as MessageKey)}
            </Text>
          ))}
        </Stack>
      </div>
      <DataList>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Stack>
  )
}

function AnswerForm({ item }: { item: PpidCase }) {
  const { t } = useI18n()
  const [upholds, setUpholds] = useState(false)
  const [reason, setReason] = useState('')
  const answer = useSlaChange(slaKeys.ppid, slaRequests.answerObjection)
  const error = useErrorText(answer.error)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    answer.mutate(
      { id: item.id, upholdsRefusal: upholds, reason: reason || null },
      { onSuccess: () => notifySuccess(t('ppid.answerRecorded')) },
    )
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="sm">
        <Switch
          label={t('ppid.upholdsRefusal')}
          checked={upholds}
          onChange={(event) => setUpholds(event.currentTarget.checked)}
        />
        <Textarea
          label={t('ppid.answerReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error.field('reason')}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" variant="default" loading={answer.isPending}>
            {t('ppid.recordAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function PpidCasePage() {
  const { t } = useI18n()
  const { id } = useParams({ from: '/ppid/$id' })
  const query = useQuery(ppidCaseQuery(id))
  const item = query.data
  const open = item?.status === 'registered' || item?.status === 'extended'
  const mayObject =
    item !== undefined && (item.status === 'decided' || (open && item.clock.state === 'overdue'))
  return (
    <>
      <PageHeader
        title={item ? t('ppid.caseTitle', { number: item.registrationNumber }) : t('nav.ppid')}
        description={<AnchorLink to="/ppid">{t('ppid.backToList')}</AnchorLink>}
        actions={
          item ? <ClockBadge state={item.clock.state} workingDaysLeft={item.clock.workingDaysLeft} /> : null
        }
      />
      <LoadState loading={query.isPending} error={query.error} />
      {item ? (
        <>
          {item.dueProvisional || (item.status === 'objection' && item.objectionAnswerProvisional) ? (
            <Notice>{t('ppid.provisionalNotice')}</Notice>
          ) : null}
          <Panel title={t('ppid.request')}>
            <Stack gap="xs">
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" style={{ textTransform: 'none' }}>
                  {t(`ppid.status.${item.status}` as MessageKey)}
                </Badge>
                <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                  {t(`ppid.channel.${item.channel}` as MessageKey)}
                </Badge>
              </Group>
              <Text fw={600}>
                {item.requesterName}
                {item.requesterContact ? ` · ${item.requesterContact}` : ''}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.requestText}
              </Text>
              <Dates item={item} />
            </Stack>
          </Panel>
          {item.status === 'registered' && item.clock.state !== 'overdue' ? (
            <Panel title={t('ppid.extendTitle')}>
              <ExtendForm item={item} />
            </Panel>
          ) : null}
          {open ? (
            <Panel title={t('ppid.noticeTitle')} description={t('ppid.noticeIntro')}>
              <NoticeForm key={item.id} item={item} />
            </Panel>
          ) : null}
          {mayObject ? (
            <Panel title={t('ppid.objectionTitle')} description={t('ppid.objectionIntro')}>
              <ObjectionForm item={item} />
            </Panel>
          ) : null}
          {item.objectionReceivedOn ? (
            <Panel title={t('ppid.objectionOnFile')}>
              <ObjectionSummary item={item} />
            </Panel>
          ) : null}
          {item.status === 'objection' ? (
            <Panel title={t('ppid.answerTitle')}>
              <AnswerForm item={item} />
            </Panel>
          ) : null}
        </>
      ) : null}
    </>
  )
}
