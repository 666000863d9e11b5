// The signed-in frame: skip link, header with the instansi, navigation (a disclosure menu on phones), language
// switch and sign-out, and the page itself in <main>.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { Link, useRouter } from './router.tsx'
import { visiblePages } from './routes.ts'
import { useSession } from './session.tsx'

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const { me, logout } = useSession()
  const { path, navigate } = useRouter()
  const [menuOpen, setMenuOpen] = useState(false)
  const firstRender = useRef(true)

  useEffect(() => {
    setMenuOpen(false)
    // Move focus to the new page's heading so keyboard and screen-reader users land on the new content.
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    document.getElementById('page-title')?.focus()
  }, [path])

  const pages = visiblePages(me.allowedActions)
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <span className="brand-name">Warta</span>
            <span className="brand-instansi">{me.instansi.name}</span>
          </Link>
          <button
            type="button"
            className="button menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('shell.menu')}
          </button>
          <div className="topbar-tools">
            <LanguageSwitch />
            <span className="user-name" title={me.user.email}>
              {me.user.name}
            </span>
            <button
              type="button"
              className="button subtle"
              onClick={() => void logout().then(() => navigate('/', { replace: true }))}
            >
              {t('shell.logout')}
            </button>
          </div>
        </div>
      </header>
      <div className="layout">
        <nav
          id="main-nav"
          className={menuOpen ? 'sidenav open' : 'sidenav'}
          aria-label={t('shell.navigation')}
        >
          <ul>
            {pages.map((page) => (
              <li key={page.id}>
                <Link to={page.path} aria-current={page.path === path ? 'page' : undefined}>
                  {t(page.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  )
}
