// The top of the web app: decides between the first-run wizard, sign-in, the steps the API demands before
// anything else (2FA enrolment, a new password), and the app shell with the requested page.
import { useCallback, useEffect, useState } from 'react'
import { ApiError, api } from './api-client.ts'
import { ErrorAlert } from '../components/alert.tsx'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { PageHeader } from '../components/page-header.tsx'
import { AccountsPage } from '../features/accounts/accounts-page.tsx'
import { AuditPage } from '../features/audit/audit-page.tsx'
import { CalendarPage } from '../features/calendar/calendar-page.tsx'
import { HomePage } from '../features/home/home-page.tsx'
import { LoginPage } from '../features/login/login-page.tsx'
import { NamingPage } from '../features/naming/naming-page.tsx'
import { PasswordChangeForm } from '../features/profile/password-change-form.tsx'
import { ProfilePage } from '../features/profile/profile-page.tsx'
import { SetupWizard } from '../features/setup/setup-wizard.tsx'
import { TwoFactorEnrolment } from '../features/two-factor/two-factor-enrolment.tsx'
import { UnitsPage } from '../features/units/units-page.tsx'
import { UsersPage } from '../features/users/users-page.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link, useRouter } from './router.tsx'
import { pageForPath, type PageId } from './routes.ts'
import { Shell } from './shell.tsx'
import { fetchMe, SessionProvider, useSession, type Me } from './session.tsx'

type Boot =
  | { state: 'loading' }
  | { state: 'setup' }
  | { state: 'login' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; me: Me }

function PageFor({ id }: { id: PageId }) {
  switch (id) {
    case 'home':
      return <HomePage />
    case 'units':
      return <UnitsPage />
    case 'users':
      return <UsersPage />
    case 'accounts':
      return <AccountsPage />
    case 'naming':
      return <NamingPage />
    case 'calendar':
      return <CalendarPage />
    case 'audit':
      return <AuditPage />
    case 'profile':
      return <ProfilePage />
  }
}

function Routed() {
  const { t } = useI18n()
  const { path } = useRouter()
  const { can } = useSession()
  const page = pageForPath(path)
  if (!page) {
    return (
      <>
        <PageHeader title={t('notFound.title')} />
        <p>{t('notFound.body')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </>
    )
  }
  if (page.action && !can(page.action)) {
    return (
      <>
        <PageHeader title={t('forbidden.title')} />
        <ErrorAlert>{t('forbidden.body')}</ErrorAlert>
        <Link to="/">{t('notFound.home')}</Link>
      </>
    )
  }
  return <PageFor id={page.id} />
}

function Gate({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card wide">
        <div className="auth-top">
          <p className="brand-mark" aria-hidden="true">
            Warta
          </p>
          <LanguageSwitch />
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  )
}

export function App() {
  const { t } = useI18n()
  const [boot, setBoot] = useState<Boot>({ state: 'loading' })

  const loadSession = useCallback(async () => {
    try {
      setBoot({ state: 'ready', me: await fetchMe() })
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403))
        setBoot({ state: 'login' })
      else setBoot({ state: 'failed', message: caught instanceof Error ? caught.message : String(caught) })
    }
  }, [])

  const start = useCallback(async () => {
    try {
      const setup = await api.get<{ needed: boolean }>('/api/setup')
      if (setup.needed) {
        setBoot({ state: 'setup' })
        return
      }
    } catch {
      // An older server without the setup route: carry on to sign-in.
    }
    await loadSession()
  }, [loadSession])

  useEffect(() => {
    void start()
  }, [start])

  const onSessionChange = useCallback(
    (me: Me | null) => setBoot(me ? { state: 'ready', me } : { state: 'login' }),
    [],
  )

  switch (boot.state) {
    case 'loading':
      return (
        <main id="main" className="auth-page">
          <p role="status">{t('common.loading')}</p>
        </main>
      )
    case 'failed':
      return (
        <Gate title={t('error.title')}>
          <ErrorAlert>{boot.message === 'network' ? t('error.network') : boot.message}</ErrorAlert>
          <button type="button" className="button primary" onClick={() => void start()}>
            {t('common.retry')}
          </button>
        </Gate>
      )
    case 'setup':
      return <SetupWizard onDone={loadSession} />
    case 'login':
      return <LoginPage onLoggedIn={loadSession} />
    case 'ready': {
      const { me } = boot
      if (me.twoFactorPending) return <LoginPage onLoggedIn={loadSession} secondFactorOnly />
      if (me.mustEnrolTwoFactor)
        return (
          <Gate title={t('twoFactor.requiredTitle')}>
            <p>{t('twoFactor.requiredIntro')}</p>
            <TwoFactorEnrolment onDone={loadSession} doneLabel={t('twoFactor.continue')} />
          </Gate>
        )
      if (me.user.mustChangePassword)
        return (
          <Gate title={t('password.requiredTitle')}>
            <p>{t('password.requiredIntro')}</p>
            <PasswordChangeForm onChanged={loadSession} />
          </Gate>
        )
      return (
        <SessionProvider me={me} onChange={onSessionChange}>
          <Shell>
            <Routed />
          </Shell>
        </SessionProvider>
      )
    }
  }
}
