// An address that is not a page of Warta, and a page the user's roles do not open.
import { Anchor, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { ErrorText } from '../components/error-banner.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { useI18n } from '../i18n/i18n.tsx'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Text mb="md">{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </>
  )
}

export function ForbiddenPage() {
  const { t } = useI18n()
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <ErrorText>{t('forbidden.body')}</ErrorText>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </>
  )
}
