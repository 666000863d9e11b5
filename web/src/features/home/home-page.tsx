// The landing page after sign-in: who you are here, your roles per unit, and the pages you can open.
import { Anchor, List, SimpleGrid, Paper, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { visiblePages } from '../../app/pages.ts'
import { useSession } from '../../app/session.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export function HomePage() {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const pages = visiblePages(me.allowedActions).filter(({ id }) => id !== 'home')
  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.name })} description={me.instansi.name} />
      <Panel title={t('home.roles')}>
        {me.roles.length === 0 ? (
          <Text c="dimmed">{t('home.noRoles')}</Text>
        ) : (
          <List spacing={4}>
            {me.roles.map((role) => (
              <List.Item key={`${role.role}-${role.unitId}`}>
                <strong>{roleLabel(locale, role.role)}</strong> — {role.unitName ?? role.unitId}
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
