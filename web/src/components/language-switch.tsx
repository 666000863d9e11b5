// Bahasa Indonesia / English. Before sign-in the choice is remembered on this device; signed in, the shell
// passes `onChange` to save it to the profile.
import { Box, Button } from '@mantine/core'
import { useI18n, type Locale } from '../i18n/i18n.tsx'

export function LanguageSwitch({
  onChange,
  inverted = false,
}: {
  onChange?: (locale: Locale) => void
  /** White text, for the dark header. */
  inverted?: boolean
}) {
  const { locale, setLocale, t } = useI18n()
  const next: Locale = locale === 'id' ? 'en' : 'id'
  return (
    <Button
      variant="subtle"
      color={inverted ? '#ffffff' : undefined}
      size="compact-sm"
      lang={next}
      aria-label={t('shell.switchLanguage')}
      onClick={() => {
        setLocale(next)
        onChange?.(next)
      }}
    >
      {next === 'en' ? (
        'English'
      ) : (
        // On a phone the header also holds the menu, the name, the bell and "Keluar": the shorter word fits
        // beside them (and stays inside the button's name, "Ganti ke Bahasa Indonesia").
        <>
          <Box component="span" hiddenFrom="sm">
            Indonesia
          </Box>
          <Box component="span" visibleFrom="sm">
            Bahasa Indonesia
          </Box>
        </>
      )}
    </Button>
  )
}
