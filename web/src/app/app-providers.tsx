// Everything the app runs inside: the language, Mantine (theme, modals, notifications), and the query cache.
// Tests render pages inside the same providers. The theme carries the translated labels of Mantine's own
// close buttons (dialogs, notifications), so they follow the language on screen.
import { MantineProvider, mergeThemeOverrides } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { I18nProvider, useI18n, type Locale } from '../i18n/i18n.tsx'
import { cssVariablesResolver, theme } from './theme.ts'

function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const close = t('common.close')
  const localized = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
          Drawer: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
          Notification: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
          Alert: { defaultProps: { closeButtonLabel: close } },
        },
      }),
    [close],
  )
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      {children}
    </MantineProvider>
  )
}

export function AppProviders({
  queryClient,
  initialLocale,
  children,
}: {
  queryClient: QueryClient
  initialLocale?: Locale
  children: ReactNode
}) {
  return (
    <I18nProvider {...(initialLocale ? { initialLocale } : {})}>
      <LocalizedMantine>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            {/* Bottom left: over the navigation on a desktop, not over the page's own buttons (Save sits on the right). */}
            <Notifications position="bottom-left" containerWidth={360} limit={3} />
            {children}
          </ModalsProvider>
        </QueryClientProvider>
      </LocalizedMantine>
    </I18nProvider>
  )
}
