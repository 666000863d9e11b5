// The instansi's first-reply targets: working hours per weekday in its own time zone, a target in working hours
// per intent and priority band (empty: none), and when reminders go out before a deadline. No national statute
// sets these (rules.md E 33); the defaults are a starting point and are shown beside each field.
import { Box, Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { replyTargetsQuery, slaKeys, slaRequests, useSlaChange } from '../ppid/ppid-queries.ts'
import type { ReplyTargetSettings } from '../ppid/ppid-types.ts'

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const
const INTENTS = ['keluhan', 'pertanyaan', 'permohonan_informasi', 'aspirasi', 'apresiasi', 'lainnya'] as const
const BANDS = ['tinggi', 'sedang', 'rendah'] as const
type Intent = (typeof INTENTS)[number]
type Band = (typeof BANDS)[number]
type Weekday = (typeof WEEK)[number]

function TargetsForm({
  initial,
  defaults,
  canManage,
}: {
  initial: ReplyTargetSettings
  defaults: ReplyTargetSettings
  canManage: boolean
}) {
  const { t } = useI18n()
  const [settings, setSettings] = useState<ReplyTargetSettings>(initial)
  const save = useSlaChange(slaKeys.replyTargets, slaRequests.replyTargets)
  const error = useErrorText(save.error)
  const days = settings.workingHours.days
  const setDay = (index: number, value: { start: string; end: string } | null) =>
    setSettings({
      ...settings,
      workingHours: { ...settings.workingHours, days: days.map((day, i) => (i === index ? value : day)) },
    })
  const setTarget = (intent: Intent, band: Band, value: number | null) =>
    setSettings({
      ...settings,
      targets: { ...settings.targets, [intent]: { ...settings.targets[intent], [band]: value } },
    })
  const dayName = (weekday: Weekday) => t(`weekday.${weekday}` as MessageKey)
  const hourField = (weekday: Weekday, edge: 'start' | 'end') => {
    const day = days[weekday] ?? null
    return (
      <TextInput
        aria-label={`${dayName(weekday)} · ${t(`replyTargets.${edge}`)}`}
        placeholder={t('replyTargets.closed')}
        value={day?.[edge] ?? ''}
        disabled={!canManage}
        onChange={(event) => {
          const changed = { start: day?.start ?? '', end: day?.end ?? '', [edge]: event.currentTarget.value }
          // Both edges empty: the day is closed.
          setDay(weekday, changed.start === '' && changed.end === '' ? null : changed)
        }}
        error={error.field(`workingHours.days.${weekday}.${edge}`)}
        w={100}
      />
    )
  }
  const hourColumns: DataTableColumn<Weekday>[] = [
    {
      key: 'day',
      header: t('replyTargets.day'),
      primary: true,
      render: (weekday) => (
        <Text size="sm" fw={600}>
          {dayName(weekday)}
        </Text>
      ),
    },
    { key: 'start', header: t('replyTargets.start'), render: (weekday) => hourField(weekday, 'start') },
    { key: 'end', header: t('replyTargets.end'), render: (weekday) => hourField(weekday, 'end') },
  ]
  const intentName = (intent: Intent) => t(`replyTargets.intent.${intent}` as MessageKey)
  const targetColumns: DataTableColumn<Intent>[] = [
    {
      key: 'intent',
      header: t('replyTargets.intent'),
      primary: true,
      render: (intent) => (
        <>
          <Text size="sm" fw={600}>
            {intentName(intent)}
          </Text>
          {intent === 'permohonan_informasi' ? (
            <Text size="xs" c="dimmed" fw={400}>
              {t('replyTargets.ppidHint')}
            </Text>
          ) : null}
        </>
      ),
    },
    ...BANDS.map((band): DataTableColumn<Intent> => ({
      key: band,
      header: t(`replyTargets.band.${band}` as MessageKey),
      render: (intent) => {
        const fallback = defaults.targets[intent][band]
        return (
          <NumberInput
            aria-label={`${intentName(intent)} · ${t(`replyTargets.band.${band}` as MessageKey)}`}
            value={settings.targets[intent][band] ?? ''}
            onChange={(value) => setTarget(intent, band, value === '' ? null : Number(value))}
            placeholder="—"
            description={t('replyTargets.default', {
              value: fallback === null ? t('replyTargets.none') : String(fallback),
            })}
            min={0.5}
            max={240}
            step={0.5}
            disabled={!canManage}
            error={error.field(`targets.${intent}.${band}`)}
            w={120}
          />
        )
      },
    })),
  ]
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(settings, { onSuccess: () => notifySuccess(t('replyTargets.saved')) })
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="lg">
        <Panel title={t('replyTargets.hours')} description={t('replyTargets.hoursHint')}>
          <Stack gap="sm">
            <NativeSelect
              label={t('replyTargets.timeZone')}
              data={['WIB', 'WITA', 'WIT'].map((value) => ({
                value,
                label: t(`replyTargets.tz.${value}` as MessageKey),
              }))}
              value={settings.workingHours.timeZone}
              disabled={!canManage}
              onChange={(event) =>
                setSettings({
                  ...settings,
                  workingHours: {
                    ...settings.workingHours,
                    timeZone: event.currentTarget.value as ReplyTargetSettings['workingHours']['timeZone'],
                  },
                })
              }
              maw={280}
            />
            <Box maw={480}>
              <DataTable
                caption={t('replyTargets.hours')}
                columns={hourColumns}
                rows={WEEK}
                rowKey={(weekday) => String(weekday)}
                emptyText={t('common.none')}
                pageSize={0}
                testId="working-hours-table"
              />
            </Box>
            {error.field('workingHours.days') ? (
              <Text c="red" size="sm">
                {error.field('workingHours.days')}
              </Text>
            ) : null}
          </Stack>
        </Panel>
        <Panel title={t('replyTargets.targets')} description={t('replyTargets.targetsHint')}>
          <DataTable
            caption={t('replyTargets.targets')}
            columns={targetColumns}
            rows={INTENTS}
            rowKey={(intent) => intent}
            emptyText={t('common.none')}
            pageSize={0}
            testId="reply-targets-table"
          />
        </Panel>
        <Panel title={t('replyTargets.reminders')} description={t('replyTargets.remindersHint')}>
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              label={t('replyTargets.replyLead')}
              value={settings.reminders.replyLeadMinutes}
              onChange={(value) =>
                setSettings({
                  ...settings,
                  reminders: { ...settings.reminders, replyLeadMinutes: Number(value) },
                })
              }
              min={0}
              max={480}
              allowDecimal={false}
              disabled={!canManage}
              error={error.field('reminders.replyLeadMinutes')}
              w={320}
              maw="100%"
            />
            <NumberInput
              label={t('replyTargets.deadlineLead')}
              value={settings.reminders.deadlineLeadWorkingDays}
              onChange={(value) =>
                setSettings({
                  ...settings,
                  reminders: { ...settings.reminders, deadlineLeadWorkingDays: Number(value) },
                })
              }
              min={0}
              max={5}
              allowDecimal={false}
              disabled={!canManage}
              error={error.field('reminders.deadlineLeadWorkingDays')}
              w={320}
              maw="100%"
            />
          </Group>
        </Panel>
        {canManage ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('replyTargets.save')}
            </Button>
            <Button variant="subtle" onClick={() => setSettings(defaults)}>
              {t('replyTargets.useDefaults')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  )
}

export function ReplyTargetsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const canManage = can('settings.manage')
  const query = useQuery(replyTargetsQuery())
  return (
    <>
      <PageHeader title={t('nav.replyTargets')} description={t('replyTargets.intro')} />
      {!canManage ? <Notice>{t('replyTargets.readOnly')}</Notice> : null}
      <LoadState loading={query.isPending} error={query.error} />
      {query.data ? (
        <TargetsForm
          key={JSON.stringify(query.data.settings)}
          initial={query.data.settings}
          defaults={query.data.defaults}
          canManage={canManage}
        />
      ) : null}
    </>
  )
}
