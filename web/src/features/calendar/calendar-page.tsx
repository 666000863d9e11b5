// The working-day calendar: national holidays and cuti bersama of a year, month by month, editable by the
// admin. Deadlines (inbox SLA, PPID) count working days against this table.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export type DayKind = 'holiday' | 'cuti_bersama' | 'working_day'

export interface CalendarDay {
  date: string
  name: string
  kind: DayKind
  /** 'national' as shipped with Warta; 'instansi' added or changed here. */
  source: 'national' | 'instansi'
  replaces?: { kind: string; name: string }
}

export interface CalendarYear {
  year: number
  hasTable: boolean
  source: string | null
  days: CalendarDay[]
}

export const CALENDAR_PATH = '/api/calendar'
const KINDS: DayKind[] = ['holiday', 'cuti_bersama', 'working_day']
const asKind = (value: string): DayKind => KINDS.find((kind) => kind === value) ?? 'holiday'

/** Days grouped by month (1–12), each month in date order. */
export function groupByMonth(days: readonly CalendarDay[]): Map<number, CalendarDay[]> {
  const months = new Map<number, CalendarDay[]>()
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const month = Number(day.date.slice(5, 7))
    months.set(month, [...(months.get(month) ?? []), day])
  }
  return months
}

function DayForm({
  year,
  day,
  onSaved,
  onCancel,
}: {
  year: number
  day: CalendarDay | null
  onSaved: (message: string) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [date, setDate] = useState(day?.date ?? `${year}-01-01`)
  const [name, setName] = useState(day?.name ?? '')
  const [kind, setKind] = useState<DayKind>(day?.kind ?? 'holiday')
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const { error, capture, clear, field } = useApiError()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    try {
      const body = { date, name: name.trim(), kind }
      if (day) await api.patch(`${CALENDAR_PATH}/days/${day.date}`, body)
      else await api.post(`${CALENDAR_PATH}/days`, body)
      onSaved(t('calendar.saved', { date }))
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel edit-panel" aria-labelledby="day-form">
      <h2 id="day-form" ref={headingRef} tabIndex={-1}>
        {day ? t('calendar.editDay') : t('calendar.addDay')}
      </h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('calendar.date')}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          error={field('date')}
          required
        />
        <TextField
          label={t('calendar.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={field('name')}
          required
        />
        <SelectField
          label={t('calendar.kind')}
          value={kind}
          onChange={(event) => setKind(asKind(event.target.value))}
          error={field('kind')}
        >
          <option value="holiday">{t('calendar.holiday')}</option>
          <option value="cuti_bersama">{t('calendar.cutiBersama')}</option>
          <option value="working_day">{t('calendar.workingDay')}</option>
        </SelectField>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  )
}

export function CalendarPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const canManage = can('calendar.manage')
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [editing, setEditing] = useState<CalendarDay | 'new' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const days = useLoad(() => api.get<CalendarYear>(`${CALENDAR_PATH}?year=${year}`), [year])
  const { error, capture, clear } = useApiError()
  const months = groupByMonth(days.data?.days ?? [])
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 1)),
    )
  // Weekday and day number as two parts, so no locale comma splits them across lines.
  const dayLabel = (date: string) => {
    const weekday = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      weekday: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`))
    return `${weekday} ${Number(date.slice(8, 10))}`
  }

  const reset = async (day: CalendarDay) => {
    clear()
    try {
      await api.post(`${CALENDAR_PATH}/days/${day.date}/reset`)
      setNotice(t('calendar.resetDone', { date: day.date }))
      days.reload()
    } catch (caught) {
      capture(caught)
    }
  }

  const remove = async (day: CalendarDay) => {
    clear()
    try {
      await api.delete(`${CALENDAR_PATH}/days/${day.date}`)
      setNotice(t('calendar.removed', { date: day.date }))
      days.reload()
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.intro')}
        actions={
          <div className="year-switch" role="group" aria-label={t('calendar.year')}>
            <button
              type="button"
              className="button"
              onClick={() => setYear(year - 1)}
              aria-label={t('calendar.previousYear')}
            >
              ‹
            </button>
            <span className="year" aria-live="polite">
              {year}
            </span>
            <button
              type="button"
              className="button"
              onClick={() => setYear(year + 1)}
              aria-label={t('calendar.nextYear')}
            >
              ›
            </button>
            {canManage ? (
              <button type="button" className="button primary" onClick={() => setEditing('new')}>
                {t('calendar.addDay')}
              </button>
            ) : null}
          </div>
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert>{error.message}</ErrorAlert>
      {editing ? (
        <DayForm
          key={editing === 'new' ? 'new' : editing.date}
          year={year}
          day={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(message) => {
            setNotice(message)
            setEditing(null)
            days.reload()
          }}
        />
      ) : null}
      <LoadState loading={days.loading && !days.data} error={days.error} />
      {days.data && !days.data.hasTable ? <Notice>{t('calendar.noTable', { year })}</Notice> : null}
      {days.data?.hasTable && days.data.source ? (
        <p className="muted small">{t('calendar.source', { source: days.data.source })}</p>
      ) : null}
      <div className="month-grid">
        {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
          <section key={month} className="month" aria-labelledby={`month-${month}`}>
            <h2 id={`month-${month}`}>{monthName(month)}</h2>
            {(months.get(month) ?? []).length === 0 ? (
              <p className="muted small">{t('calendar.noDays')}</p>
            ) : (
              <ul>
                {(months.get(month) ?? []).map((day) => (
                  <li key={day.date} className={`day ${day.kind}`}>
                    <span className="day-date">{dayLabel(day.date)}</span>
                    <span className="day-name">
                      {day.name}
                      {day.kind === 'cuti_bersama' ? (
                        <span className="badge info">{t('calendar.cutiBersama')}</span>
                      ) : null}
                      {day.kind === 'working_day' ? (
                        <span className="badge ok">{t('calendar.workingDay')}</span>
                      ) : null}
                      {day.source === 'instansi' ? (
                        <span className="badge muted-badge">{t('calendar.localEdit')}</span>
                      ) : null}
                    </span>
                    {canManage ? (
                      <span className="day-actions">
                        <button
                          type="button"
                          className="button small"
                          onClick={() => setEditing(day)}
                          aria-label={t('calendar.editNamed', { name: day.name, date: day.date })}
                        >
                          {t('common.edit')}
                        </button>
                        {day.source === 'instansi' && day.replaces ? (
                          <button
                            type="button"
                            className="button small"
                            onClick={() => void reset(day)}
                            aria-label={t('calendar.resetNamed', { name: day.replaces.name, date: day.date })}
                          >
                            {t('calendar.reset')}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="button small danger"
                          onClick={() => void remove(day)}
                          aria-label={t('calendar.removeNamed', { name: day.name, date: day.date })}
                        >
                          {t('common.remove')}
                        </button>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  )
}
