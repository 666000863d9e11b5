// What a section shows while its data loads or when loading failed.
import { Group, Loader, Text } from '@mantine/core'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from './error-banner.tsx'

export function LoadState({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useI18n()
  if (error) return <ErrorBanner error={error} />
  if (!loading) return null
  return (
    <Group gap="xs" role="status" py="xs">
      <Loader size="sm" />
      <Text size="sm">{t('common.loading')}</Text>
    </Group>
  )
}
