// The signed-in frame (Mantine AppShell): skip link, header with the instansi, the navigation (a menu behind
// a burger on phones), the language switch and sign-out, and the page itself in <main>. After a navigation focus
// moves to the new page's heading, so keyboard and screen-reader users land on the new content.
import { AppShell, Box, Burger, Button, Container, Group, NavLink, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { createLink, Link, useLocation, useNavigate, useRouter } from '@tanstack/react-router'
import { useEffect, type AnchorHTMLAttributes, type ReactNode, type Ref } from 'react'
import type { NavLinkProps } from '@mantine/core'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { DeploymentBanners } from '../features/demo/deployment-banners.tsx'
import { NotificationBell } from '../features/notifications/notification-bell.tsx'
import { PAGE_TITLE_ID } from '../components/page-header.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { visiblePages } from './pages.ts'
import { useSaveLocale } from './profile-locale.ts'
import { useSession } from './session.tsx'

function NavAnchor({
  ref,
  ...props
}: Omit<NavLinkProps, 'component'> &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> }) {
  return <NavLink component="a" ref={ref} {...props} />
}
const RouterNavLink = createLink(NavAnchor)

/** Below this width the navigation folds behind the menu button (Mantine's `sm`, 48em). */
const PHONE_QUERY = '(max-width: 47.99em)'

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const { me, logout } = useSession()
  const navigate = useNavigate()
  const router = useRouter()
  const pathname = useLocation({ select: (location) => location.pathname })
  const [menuOpen, menu] = useDisclosure(false)
  const phone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false })
  const saveLocale = useSaveLocale(me.user.id)

  const closeMenu = menu.close
  useEffect(() => {
    closeMenu()
  }, [pathname, closeMenu])

  useEffect(
    () =>
      router.subscribe('onRendered', (event) => {
        if (event.fromLocation && event.pathChanged) document.getElementById(PAGE_TITLE_ID)?.focus()
      }),
    [router],
  )

  const pages = visiblePages(me.allowedActions)
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <AppShell.Header bg="warta.7" c="white" px={{ base: 'xs', sm: 'md' }}>
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={t('shell.menu')}
              aria-expanded={menuOpen}
              aria-controls="main-nav"
            />
            <UnstyledButton component={Link} to="/" c="white" style={{ minWidth: 0 }}>
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <Text fw={800} fz="lg" c="white">
                  Warta
                </Text>
                <Text fz="sm" c="white" truncate visibleFrom="sm">
                  {me.instansi.name}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap={4} wrap="nowrap" className="shell-tools">
            <NotificationBell />
            <LanguageSwitch onChange={saveLocale} inverted />
            <Text fz="sm" c="white" visibleFrom="md" title={me.user.email} truncate maw={200}>
              {me.user.name}
            </Text>
            <Button
              variant="white"
              size="compact-sm"
              onClick={() => void logout().then(() => navigate({ to: '/', replace: true }))}
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="main-nav"
        aria-label={t('shell.navigation')}
        p="xs"
        style={phone && !menuOpen ? { visibility: 'hidden' } : undefined}
      >
        <Box
          hiddenFrom="sm"
          px="sm"
          pb="xs"
          mb="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={600}>{me.user.name}</Text>
          <Text fz="sm" c="dimmed">
            {me.instansi.name}
          </Text>
        </Box>
        {pages.map(({ id, page }) => (
          <RouterNavLink
            key={id}
            to={page.path}
            label={t(page.label)}
            activeOptions={{ exact: page.path === '/' }}
            activeProps={{ active: true }}
            // Tapping the page already shown closes the menu too.
            onClick={closeMenu}
            variant="light"
            fw={500}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Container size="xl" px={0}>
          <DeploymentBanners />
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}
