// The top of the web app: decides between the first-run wizard, sign-in, the steps the API demands before
// anything else (2FA enrolment, a new password), and the signed-in shell with the requested page, which it
// refuses when the user's roles do not open it.
import { Button, Center, Group, Loader, Text } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Outlet, useLocation, useMatches, useNavigate } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'
import { ErrorBanner } from '../components/error-banner.tsx'
import { LoginPage } from '../features/login/login-page.tsx'
import { RESET_PASSWORD_PATH, ResetPasswordPage } from '../features/login/reset-password-page.tsx'
import { PasswordChangeForm } from '../features/profile/password-change-form.tsx'
import { TwoFactorEnrolment } from '../features/two-factor/two-factor-enrolment.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { AuthFrame } from './auth-frame.tsx'
import { ForbiddenPage } from './not-found-page.tsx'
import { useProfileLocale } from './profile-locale.ts'
import { meQuery, refreshMe, sessionKeys, setupQuery } from './session-queries.ts'
import { SessionProvider, useSession } from './session.tsx'
import { Shell } from './shell.tsx'
import { SignOutButton } from './sign-out-button.tsx'

const SetupWizard = lazy(() =>
  import('../features/setup/setup-wizard.tsx').then((module) => ({ default: module.SetupWizard })),
)

function Loading() {
  const { t } = useI18n()
  return (
    <Center component="main" id="main" mih="60vh">
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text>{t('common.loading')}</Text>
      </Group>
    </Center>
  )
}

/** The page of the current address, or a refusal when the user's roles do not open it. */
function GuardedOutlet() {
  const { can } = useSession()
  const action = useMatches({ select: (matches) => matches[matches.length - 1]?.staticData.action ?? null })
  if (action && !can(action)) return <ForbiddenPage />
  return <Outlet />
}

export function RootLayout() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const setup = useQuery(setupQuery)
  const setupDone = setup.isError || (setup.isSuccess && !setup.data.needed)
  const pathname = useLocation({ select: (location) => location.pathname })
  const navigate = useNavigate()
  const resetting = pathname === RESET_PASSWORD_PATH
  const me = useQuery({ ...meQuery, enabled: setupDone && !resetting })
  useProfileLocale(me.data)
  const loadSession = () => refreshMe(queryClient)

  // The e-mailed link opens this page whoever is signed in here; the reset ends every session of its user.
  if (resetting)
    return (
      <ResetPasswordPage
        onDone={() => {
          // Whoever was signed in here is asked again: the reset may have ended their session.
          void refreshMe(queryClient)
          void navigate({ to: '/', replace: true })
        }}
      />
    )
  if (setup.isPending) return <Loading />
  if (setup.data?.needed)
    return (
      <Suspense fallback={<Loading />}>
        <SetupWizard
          onDone={async () => {
            queryClient.setQueryData(sessionKeys.setup, { needed: false })
            await loadSession()
          }}
        />
      </Suspense>
    )
  if (me.isError)
    return (
      <AuthFrame title={t('error.title')}>
        <ErrorBanner error={me.error} />
        <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
      </AuthFrame>
    )
  if (me.isPending) return <Loading />
  const session = me.data
  if (!session) return <LoginPage onLoggedIn={loadSession} />
  if (session.twoFactorPending) return <LoginPage onLoggedIn={loadSession} secondFactorOnly />
  if (session.mustEnrolTwoFactor)
    return (
      <AuthFrame
        title={t('twoFactor.requiredTitle')}
        intro={t('twoFactor.requiredIntro')}
        wide
        tools={<SignOutButton />}
      >
        <TwoFactorEnrolment onDone={loadSession} doneLabel={t('twoFactor.continue')} />
      </AuthFrame>
    )
  if (session.user.mustChangePassword)
    return (
      <AuthFrame
        title={t('password.requiredTitle')}
        intro={t('password.requiredIntro')}
        tools={<SignOutButton />}
      >
        <PasswordChangeForm
          onChanged={loadSession}
          context={{
            email: session.user.email,
            name: session.user.name,
            instansiName: session.instansi.name,
            instansiSlug: session.instansi.slug,
          }}
        />
      </AuthFrame>
    )
  return (
    <SessionProvider me={session}>
      <Shell>
        <GuardedOutlet />
      </Shell>
    </SessionProvider>
  )
}
