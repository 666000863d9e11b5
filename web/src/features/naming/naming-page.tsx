// Naming conventions per platform: the admin writes a pattern such as `humas{unit}` or `{instansi}_{kota}`; the
// account registry flags every handle that breaks it. The patterns are saved together, as one setting. A pattern
// no unit could comply with is refused under its field; one that some units cannot comply with today (a name too
// long for X) is saved with warnings, shown as warnings until fixed. The test box shows what a pattern gives one
// unit on one platform, and whether the platform accepts it.
import {
  Badge,
  Button,
  Code,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { PLATFORMS, type Platform } from '../../../../src/shared/platforms.ts'
import { api } from '../../app/api-client.ts'
import { problemText, useErrorText } from '../../components/api-error-text.ts'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import type { NamingPatternsView, NamingTest, NamingWarnings } from './naming-types.ts'

export const NAMING_PATH = '/api/naming/patterns'

/** Patterns are typed in monospace (every character counts); their labels stay in the body font. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const

export const namingPatternsQuery = queryOptions({
  queryKey: ['naming', 'patterns'] as const,
  queryFn: () => api.get<NamingPatternsView>(NAMING_PATH),
})

function namingTestQuery(platform: Platform, unitId: string, pattern: string) {
  const params = new URLSearchParams({ platform, unitId })
  if (pattern.trim()) params.set('pattern', pattern.trim())
  return queryOptions({
    queryKey: ['naming', 'test', platform, unitId, pattern.trim()] as const,
    queryFn: () => api.get<{ result: NamingTest | null }>(`/api/naming/test?${params}`),
    enabled: unitId !== '',
    placeholderData: keepPreviousData,
    retry: false,
  })
}

function Warnings({ warnings, saved }: { warnings: NamingWarnings; saved: boolean }) {
  const { t, locale } = useI18n()
  const entries = PLATFORMS.flatMap((platform) =>
    (warnings[platform] ?? []).map((found) => ({ platform, found })),
  )
  if (entries.length === 0) return null
  return (
    <Notice tone="warning">
      <Text fw={700} size="sm" mb={4}>
        {saved ? t('naming.savedWithWarnings') : t('naming.warningsTitle')}
      </Text>
      <List size="sm" spacing={4} data-testid="naming-warnings">
        {entries.map(({ platform, found }, index) => (
          <List.Item key={`${platform}-${index}`}>
            <strong>{platformLabel(platform)}</strong>: {problemText(found, locale)}
          </List.Item>
        ))}
      </List>
    </Notice>
  )
}

function PatternsForm({
  initial,
  patterns,
  onChange,
}: {
  initial: NamingPatternsView
  patterns: Record<string, string>
  onChange: (platform: Platform, pattern: string) => void
}) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [warnings, setWarnings] = useState<{ warnings: NamingWarnings; saved: boolean }>({
    warnings: initial.warnings,
    saved: false,
  })
  const save = useMutation({
    mutationFn: () =>
      api.put<NamingPatternsView>(NAMING_PATH, {
        patterns: Object.fromEntries(
          Object.entries(patterns).map(([platform, pattern]) => [platform, pattern.trim() || null]),
        ),
      }),
    onSuccess: async (view) => {
      const warned = Object.keys(view.warnings).length > 0
      setWarnings({ warnings: view.warnings, saved: true })
      // Saved with warnings: the warning notice says so; the success toast is for a clean save only.
      if (!warned) notifySuccess(t('naming.saved'))
      queryClient.setQueryData(namingPatternsQuery.queryKey, view)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['naming', 'test'] }),
        queryClient.invalidateQueries({ queryKey: ['accounts'] }),
      ])
    },
  })
  const error = useErrorText(save.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Warnings warnings={warnings.warnings} saved={warnings.saved} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
        {PLATFORMS.map((platform) => (
          <TextInput
            key={platform}
            label={platformLabel(platform)}
            name={`pattern-${platform}`}
            value={patterns[platform] ?? ''}
            placeholder={t('naming.none')}
            onChange={(event) => onChange(platform, event.currentTarget.value)}
            error={error.field(platform, `patterns.${platform}`)}
            styles={MONOSPACE_INPUT}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending}>
          {t('naming.save')}
        </Button>
      </Group>
    </form>
  )
}

function PatternTest({ patterns }: { patterns: Record<string, string> }) {
  const { t, locale } = useI18n()
  const units = useUnits()
  const [unitId, setUnitId] = useState('')
  const [platform, setPlatform] = useState<Platform>('x')
  // Null: follow the pattern typed above for the platform; a string: what the person typed here.
  const [typed, setTyped] = useState<string | null>(null)
  const pattern = typed ?? patterns[platform] ?? ''
  const [debounced] = useDebouncedValue(pattern, 300)
  const firstUnit = units.options.find(({ unit }) => !unit.archivedAt)?.unit.id ?? ''
  const chosenUnit = unitId || firstUnit
  const test = useQuery(namingTestQuery(platform, chosenUnit, debounced))
  const error = useErrorText(test.error)
  const result = test.data?.result
  return (
    <Panel title={t('naming.testTitle')} description={t('naming.testIntro')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm" mb="md">
        <UnitSelect
          label={t('naming.testUnit')}
          options={units.options}
          value={chosenUnit}
          onChange={(event) => setUnitId(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('accounts.platform')}
          value={platform}
          onChange={(event) => {
            const value = event.currentTarget.value
            const next = PLATFORMS.find((candidate) => candidate === value)
            if (next) setPlatform(next)
            setTyped(null)
          }}
          data={PLATFORMS.map((value) => ({ value, label: platformLabel(value) }))}
        />
        <TextInput
          label={t('naming.testPattern')}
          value={pattern}
          onChange={(event) => setTyped(event.currentTarget.value)}
          placeholder={t('naming.none')}
          error={error.field('pattern')}
          styles={MONOSPACE_INPUT}
        />
      </SimpleGrid>
      <Stack gap={6} aria-live="polite" data-testid="naming-test-result">
        {error.banner && !error.field('pattern') ? <ErrorText>{error.banner}</ErrorText> : null}
        {!error.banner && result === null ? <Text c="dimmed">{t('naming.testNoPattern')}</Text> : null}
        {!error.banner && result ? (
          <>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('naming.testGives', { unit: result.unit.name })}</Text>
              <Code fz="md">{result.name}</Code>
              <Badge color={result.fits ? 'green' : 'orange'} variant="light">
                {result.fits ? t('naming.testFits') : t('naming.testDoesNotFit')}
              </Badge>
            </Group>
            <Text size="sm">{problemText(result.verdict, locale)}</Text>
            {result.hasWildcard ? (
              <Text size="xs" c="dimmed">
                {t('naming.testWildcard')}
              </Text>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Panel>
  )
}

export function NamingPage() {
  const { t } = useI18n()
  const saved = useQuery(namingPatternsQuery)
  const [edits, setEdits] = useState<Record<string, string>>({})
  const patterns: Record<string, string> = Object.fromEntries(
    PLATFORMS.map((platform) => [platform, edits[platform] ?? saved.data?.patterns[platform] ?? '']),
  )
  return (
    <>
      <PageHeader title={t('naming.title')} description={t('naming.intro')} />
      <Panel title={t('naming.languageTitle')}>
        <List spacing={4} size="sm">
          <List.Item>{t('naming.helpLiteral')}</List.Item>
          <List.Item>
            <Code>{'{instansi}'}</Code> {t('naming.helpInstansi')}
          </List.Item>
          <List.Item>
            <Code>{'{unit}'}</Code> {t('naming.helpUnit')}
          </List.Item>
          <List.Item>
            <Code>{'{kota}'}</Code> {t('naming.helpAttribute')}
          </List.Item>
          <List.Item>
            <Code>*</Code> {t('naming.helpWildcard')}
          </List.Item>
          <List.Item>{t('naming.helpRules')}</List.Item>
        </List>
      </Panel>
      <Panel title={t('naming.patterns')}>
        <LoadState loading={saved.isPending} error={saved.error} />
        {saved.data ? (
          <PatternsForm
            initial={saved.data}
            patterns={patterns}
            onChange={(platform, pattern) => setEdits((previous) => ({ ...previous, [platform]: pattern }))}
          />
        ) : null}
      </Panel>
      {saved.data ? <PatternTest patterns={patterns} /> : null}
    </>
  )
}
