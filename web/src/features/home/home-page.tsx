// The landing page after sign-in: what needs attention first (a new office's getting-started steps, then what is
// wrong with the official accounts in your units, each count opening its list), then your roles per unit and
// the pages you can open.
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import type { AttentionItem, ChecklistStep } from '../../../../src/shared/attention.ts'
import { PAGES, visiblePages } from '../../app/pages.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { attentionQuery, useSaveAttentionSettings } from './home-queries.ts'
import type { Attention, ChecklistEntry } from './home-types.ts'

/** Where each getting-started step is done. */
const STEP_PAGES: Record<ChecklistStep, (typeof PAGES)[keyof typeof PAGES]> = {
  units: PAGES.units,
  naming: PAGES.naming,
  accounts: PAGES.accounts,
  users: PAGES.users,
  two_factor: PAGES.users,
}

export function attentionLabel(item: AttentionItem, rotationDays: number, t: Translate): string {
  return item === 'credential_rotation'
    ? t('attention.credential_rotation', { days: rotationDays })
    : t(`attention.${item}`)
}

function Checklist({ steps }: { steps: readonly ChecklistEntry[] }) {
  const { t } = useI18n()
  const done = steps.filter((step) => step.done).length
  if (done === steps.length) return null
  return (
    <Panel
      title={t('home.checklist')}
      description={`${t('home.checklistIntro')} ${t('home.checklistProgress', { done, total: steps.length })}`}
    >
      <List spacing="sm" listStyleType="none" p={0} data-testid="checklist">
        {steps.map((step) => {
          const page = STEP_PAGES[step.step]
          return (
            <List.Item key={step.step}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon
                  color={step.done ? 'green' : 'gray'}
                  variant={step.done ? 'filled' : 'outline'}
                  radius="xl"
                  size="md"
                  aria-hidden="true"
                >
                  {step.done ? '✓' : ''}
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>
                    {t(`checklist.${step.step}`)}{' '}
                    <Badge color={step.done ? 'green' : 'orange'} variant="light" ml={4}>
                      {step.done ? t('checklist.done') : t('checklist.todo')}
                    </Badge>
                  </Text>
                  {step.step === 'two_factor' && !step.done ? (
                    <Text size="sm">{t('checklist.two_factorMissing', { count: step.count })}</Text>
                  ) : null}
                  {!step.done ? (
                    <AnchorLink to={page.path} size="sm">
                      {t('checklist.open', { page: t(page.label) })}
                    </AnchorLink>
                  ) : null}
                </div>
              </Group>
            </List.Item>
          )
        })}
      </List>
    </Panel>
  )
}

function RotationSetting({ days }: { days: number }) {
  const { t } = useI18n()
  const [value, setValue] = useState<string | number>(days)
  const [problem, setProblem] = useState<string | null>(null)
  const save = useSaveAttentionSettings()
  const error = useErrorText(save.error)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = Number(value)
    if (!Number.isInteger(next) || next < 7 || next > 730 || value === '') {
      setProblem(t('home.rotationInvalid'))
      return
    }
    setProblem(null)
    save.mutate(
      { credentialRotationDays: next },
      { onSuccess: () => notifySuccess(t('home.rotationSaved', { days: next })) },
    )
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Group align="flex-end" gap="sm" wrap="wrap" mt="md">
        <NumberInput
          label={t('home.rotation')}
          aria-describedby="rotation-hint"
          value={value}
          onChange={setValue}
          min={7}
          max={730}
          allowDecimal={false}
          allowNegative={false}
          suffix={` ${t('home.rotationDays')}`}
          error={problem ?? error.field('credentialRotationDays')}
          style={{ flex: '0 1 24rem' }}
        />
        <Button type="submit" variant="default" loading={save.isPending}>
          {t('home.rotationSave')}
        </Button>
      </Group>
      <Text id="rotation-hint" size="xs" c="dimmed" mt={4}>
        {t('home.rotationHint')}
      </Text>
    </form>
  )
}

function AttentionCounts({ attention }: { attention: Attention }) {
  const { t } = useI18n()
  const days = attention.settings.credentialRotationDays
  // With no account registered yet there is nothing to be clear about: the checklist asks for accounts first.
  const allClear = attention.accounts > 0 && attention.counts.every((entry) => entry.count === 0)
  return (
    <Panel
      title={t('home.attention')}
      description={t('home.attentionIntro', { accounts: attention.accounts })}
    >
      {allClear ? <Notice tone="ok">{t('home.allClear')}</Notice> : null}
      <SimpleGrid
        component="ul"
        cols={{ base: 1, xs: 2, lg: 4 }}
        spacing="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        data-testid="attention-counts"
      >
        {attention.counts.map(({ item, count }) => (
          <Paper
            component="li"
            key={item}
            withBorder
            p="md"
            style={count > 0 ? { borderLeft: '4px solid var(--mantine-color-orange-6)' } : undefined}
          >
            <Stack gap={4}>
              <Text fz={28} fw={700} lh={1.1} c={count > 0 ? 'orange.7' : undefined}>
                {count}
              </Text>
              <Text fw={600}>{attentionLabel(item, days, t)}</Text>
              {count > 0 ? (
                <AnchorLink to={PAGES.attention.path} params={{ item }} size="sm">
                  {t('attention.open', { count })}
                </AnchorLink>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('attention.none')}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {attention.checklist !== null ? <RotationSetting key={days} days={days} /> : null}
    </Panel>
  )
}

export function HomePage() {
  const { t, locale } = useI18n()
  const { me, can } = useSession()
  const attention = useQuery(attentionQuery)
  const pages = visiblePages(me.allowedActions).filter(({ id }) => id !== 'home')
  const missingYears = attention.data?.calendarMissingYears ?? []
  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.name })} description={me.instansi.name} />
      {missingYears.length > 0 ? (
        <Notice tone="warning">
          {t('home.calendarMissing', { years: missingYears.join(', ') })}{' '}
          {can('calendar.manage') ? (
            <AnchorLink to={PAGES.calendarImport.path} search={{ year: missingYears[0] }}>
              {t('home.calendarImport')}
            </AnchorLink>
          ) : null}
        </Notice>
      ) : null}
      <LoadState loading={attention.isPending} error={attention.error} />
      {attention.data?.checklist ? <Checklist steps={attention.data.checklist} /> : null}
      {attention.data?.counts ? <AttentionCounts attention={attention.data} /> : null}
      <Panel title={t('home.roles')}>
        {me.grants.length === 0 ? (
          <Text c="dimmed">{t('home.noRoles')}</Text>
        ) : (
          <List spacing={4}>
            {me.grants.map((role) => (
              <List.Item key={`${role.role}-${role.unitId}`}>
                <strong>{roleLabel(locale, role.role)}</strong> — {role.unitName}
              </List.Item>
            ))}
          </List>
        )}
      </Panel>
      <Panel title={t('home.pages')}>
        <SimpleGrid
          component="ul"
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {pages.map(({ id, page }) => (
            <Paper component="li" key={id} withBorder p="md">
              <Anchor component={Link} to={page.path} fw={600}>
                {t(page.label)}
              </Anchor>
            </Paper>
          ))}
        </SimpleGrid>
      </Panel>
    </>
  )
}
