// What the signed-in person must never miss about where they are: a demo deployment ("Data contoh": made-up data,
// not a real instansi) and their own Mode Latihan (their posts go only to the sandbox). Shown above every page.
import { Alert, Stack } from '@mantine/core'
import { useSession } from '../../app/session.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

/** A light alert's title takes its colour, too pale on yellow; the body's dark text reads on both. */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-dark-7)' } }

export function DeploymentBanners() {
  const { t } = useI18n()
  const { me } = useSession()
  if (!me.demo && !me.user.trainingMode) return null
  return (
    <Stack gap="xs" mb="md">
      {me.demo ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('shell.demoBanner')}
          data-testid="demo-banner"
          styles={READABLE_TITLE}
        >
          {t('shell.demoBannerText')}
        </Alert>
      ) : null}
      {me.user.trainingMode ? (
        <Alert
          color="grape"
          variant="light"
          title={t('shell.trainingBanner')}
          data-testid="training-banner"
          styles={READABLE_TITLE}
        >
          {t('shell.trainingBannerText')}
        </Alert>
      ) : null}
    </Stack>
  )
}
