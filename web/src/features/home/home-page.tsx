// The landing page after sign-in: who you are here, your roles per unit, and the pages you can open.
import { Link } from '../../app/router.tsx'
import { visiblePages } from '../../app/routes.ts'
import { useSession } from '../../app/session.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { roleLabel } from '../../components/role-label.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export function HomePage() {
  const { t } = useI18n()
  const { me } = useSession()
  const pages = visiblePages(me.allowedActions).filter((page) => page.id !== 'home')
  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.name })} description={me.instansi.name} />
      <section className="panel" aria-labelledby="home-roles">
        <h2 id="home-roles">{t('home.roles')}</h2>
        {me.roles.length === 0 ? (
          <p className="muted">{t('home.noRoles')}</p>
        ) : (
          <ul className="role-list">
            {me.roles.map((role) => (
              <li key={`${role.role}-${role.unitId}`}>
                <strong>{roleLabel(t, role.role)}</strong> — {role.unitName ?? role.unitId}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="home-pages">
        <h2 id="home-pages">{t('home.pages')}</h2>
        <ul className="card-links">
          {pages.map((page) => (
            <li key={page.id}>
              <Link to={page.path}>{t(page.label)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
