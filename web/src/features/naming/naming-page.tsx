// Naming conventions per platform: the admin writes a pattern such as `humas{unit}` or `{instansi}_{kota}`;
// the account registry flags every handle that breaks it. The patterns are saved together, as one setting.
import { Button, Code, Group, List, SimpleGrid, TextInput } from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { PLATFORMS } from '../../../../src/shared/platforms.ts'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { NamingPatterns } from './naming-types.ts'

export const NAMING_PATH = '/api/naming/patterns'

export const namingPatternsQuery = queryOptions({
  queryKey: ['naming', 'patterns'] as const,
  queryFn: () => api.get<{ patterns: NamingPatterns }>(NAMING_PATH),
})

function PatternsForm({ initial }: { initial: NamingPatterns }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [patterns, setPatterns] = useState<Record<string, string>>(() =>
    Object.fromEntries(PLATFORMS.map((platform) => [platform, initial[platform] ?? ''])),
  )
  const save = useMutation({
    mutationFn: () =>
      api.put(NAMING_PATH, {
        patterns: Object.fromEntries(
          Object.entries(patterns).map(([platform, pattern]) => [platform, pattern.trim() || null]),
        ),
      }),
    onSuccess: async () => {
      notifySuccess(t('naming.saved'))
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['naming'] }),
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
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
        {PLATFORMS.map((platform) => (
          <TextInput
            key={platform}
            label={platformLabel(platform)}
            name={`pattern-${platform}`}
            value={patterns[platform] ?? ''}
            placeholder={t('naming.none')}
            onChange={(event) => {
              const value = event.currentTarget.value
              setPatterns((previous) => ({ ...previous, [platform]: value }))
            }}
            error={error.field(platform, `patterns.${platform}`)}
            ff="monospace"
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

export function NamingPage() {
  const { t } = useI18n()
  const patterns = useQuery(namingPatternsQuery)
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
        </List>
      </Panel>
      <Panel title={t('naming.patterns')}>
        <LoadState loading={patterns.isPending} error={patterns.error} />
        {patterns.data ? <PatternsForm initial={patterns.data.patterns} /> : null}
      </Panel>
    </>
  )
}
