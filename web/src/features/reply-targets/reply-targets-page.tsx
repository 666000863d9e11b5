// The instansi's first-reply targets: working hours per weekday in its own time zone, a target in working hours
// per intent and priority band (empty: none), and when reminders go out before a deadline. No national statute
// sets these (rules.md E 33); the defaults are a starting point and are shown beside each field.
import { Button, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
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
            <Table.ScrollContainer minWidth={320}>
              <Table data-testid="working-hours-table" maw={440}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('replyTargets.day')}</Table.Th>
                    <Table.Th>{t('replyTargets.start')}</Table.Th>
                    <Table.Th>{t('replyTargets.end')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {WEEK.map((weekday) => {
                    const day = days[weekday] ?? null
                    const name = t(`weekday.${weekday}` as MessageKey)
                    return (
                      <Table.Tr key={weekday}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`${name} · ${t('replyTargets.start')}`}
                            placeholder={t('replyTargets.closed')}
                            value={day?.start ?? ''}
                            disabled={!canManage}
                            onChange={(event) => {
                              const start = event.currentTarget.value
                              setDay(
                                weekday,
                                start === '' && !day?.end ? null : { start, end: day?.end ?? '' },
                              )
                            }}
                            error={error.field(`workingHours.days.${weekday}.start`)}
                            w={100}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`${name} · ${t('replyTargets.end')}`}
                            placeholder={t('replyTargets.closed')}
                            value={day?.end ?? ''}
                            disabled={!canManage}
                            onChange={(event) => {
                              const end = event.currentTarget.value
                              setDay(
                                weekday,
                                end === '' && !day?.start ? null : { start: day?.start ?? '', end },
                              )
                            }}
                            error={error.field(`workingHours.days.${weekday}.end`)}
                            w={100}
                          />
                        </Table.Td>
                      </Table.Tr>
                    )
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {error.field('workingHours.days') ? (
              <Text c="red" size="sm">
                {error.field('workingHours.days')}
              </Text>
            ) : null}
          </Stack>
        </Panel>
        <Panel title={t('replyTargets.targets')} description={t('replyTargets.targetsHint')}>
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="reply-targets-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('replyTargets.intent')}</Table.Th>
                  {BANDS.map((band) => (
                    <Table.Th key={band}>{t(`replyTargets.band.${band}` as MessageKey)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {INTENTS.map((intent) => (
                  <Table.Tr key={intent}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {t(`replyTargets.intent.${intent}` as MessageKey)}
                      </Text>
                      {intent === 'permohonan_informasi' ? (
                        <Text size="xs" c="dimmed">
                          {t('replyTargets.ppidHint')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {BANDS.map((band) => {
                      const fallback = defaults.targets[intent][band]
                      return (
                        <Table.Td key={band}>
                          <NumberInput
                            aria-label={`${t(`replyTargets.intent.${intent}` as MessageKey)} · ${t(`replyTargets.band.${band}` as MessageKey)}`}
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
                        </Table.Td>
                      )
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
