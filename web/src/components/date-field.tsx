// A date input that shows the date as people write it ("12 Oktober 2026"), accepts what they type in either
// language (parseTypedDate) and offers a month calendar in the language on screen. The value stays YYYY-MM-DD,
// which is what the API takes.
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates'
import 'dayjs/locale/id'
import { formatDate } from '../../../src/shared/dates.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { parseTypedDate } from './parse-typed-date.ts'

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'
> {
  label: string
  /** YYYY-MM-DD, or '' for no date. */
  value: string
  onChange: (value: string) => void
}

export function DateField({ value, onChange, ...input }: DateFieldProps) {
  const { locale, t } = useI18n()
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>
      <DateInput
        {...input}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        valueFormat={(date) => formatDate(date, locale, 'date')}
        dateParser={parseTypedDate}
        placeholder={input.placeholder ?? t('date.placeholder')}
        clearable={input.clearable ?? !input.required}
        clearButtonProps={{ 'aria-label': t('date.clear') }}
        ariaLabels={{
          nextMonth: t('date.nextMonth'),
          previousMonth: t('date.previousMonth'),
          nextYear: t('date.nextYear'),
          previousYear: t('date.previousYear'),
          nextDecade: t('date.nextDecade'),
          previousDecade: t('date.previousDecade'),
          monthLevelControl: t('date.chooseMonth'),
          yearLevelControl: t('date.chooseYear'),
        }}
        popoverProps={{ withinPortal: true }}
      />
    </DatesProvider>
  )
}
