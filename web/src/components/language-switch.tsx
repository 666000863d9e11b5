// Bahasa Indonesia / English. The choice is remembered on this device.
import { useI18n } from '../i18n/i18n.tsx'

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  const next = locale === 'id' ? 'en' : 'id'
  return (
    <button
      type="button"
      className="button subtle lang-switch"
      lang={next}
      onClick={() => setLocale(next)}
      aria-label={t('shell.switchLanguage')}
    >
      {next === 'en' ? 'English' : 'Bahasa Indonesia'}
    </button>
  )
}
