// Importing a year's holiday table from a CSV file: choose the year and the file, see what every row would do
// (new, changed, unchanged) and every row's problem, then save. A file with any problem is not saved: a
// half-imported table would give wrong legal deadlines without anyone noticing.
import { Badge, Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core'
import { useSearch } from '@tanstack/react-router'
import { useState, type ChangeEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { isMessageKey } from '../../../../src/shared/messages/catalogue.ts'
import { formatMessage } from '../../../../src/shared/messages/format-message.ts'
import { saveBlob } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { CalendarNav } from './calendar-nav.tsx'
import { calendarRequests, useCalendarChange } from './calendar-queries.ts'
import type { CalendarImport, CalendarImportError, CalendarImportRow } from './calendar-types.ts'

const ACTION_COLOURS = { create: 'green', update: 'orange', unchanged: 'gray' } as const

/** A sample file in the form people fill in a spreadsheet (semicolons, as Excel in Indonesian writes them). */
export function templateCsv(year: number): string {
  return [
    'tanggal;jenis;keterangan',
    `01/01/${year};libur nasional;Tahun Baru Masehi`,
    `17/08/${year};libur nasional;Hari Kemerdekaan Republik Indonesia`,
    `24/12/${year};cuti bersama;Cuti bersama Hari Raya Natal`,
    `20/04/${year};libur daerah;Hari Jadi Kota`,
    '',
  ].join('\r\n')
}

export function CalendarImportPage() {
  const { t, locale } = useI18n()
  const search = useSearch({ from: '/calendar/import' })
  const [year, setYear] = useState<string | number>(() => search.year ?? new Date().getFullYear() + 1)
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [declareComplete, setDeclareComplete] = useState(true)
  const preview = useCalendarChange(calendarRequests.importTable)
  const save = useCalendarChange(calendarRequests.importTable)
  const error = useErrorText(preview.error ?? save.error)
  const result: CalendarImport | undefined = preview.data
  const yearNumber = Number(year)
  const yearValid = Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100

  const runPreview = (next: { name: string; text: string }, forYear: number) => {
    save.reset()
    preview.mutate({ year: forYear, csv: next.text, dryRun: true, declareComplete })
  }

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!chosen || !yearValid) return
    const next = { name: chosen.name, text: await chosen.text() }
    setFile(next)
    runPreview(next, yearNumber)
  }

  const saveTable = () => {
    if (!file || !result) return
    save.mutate(
      { year: result.year, csv: file.text, dryRun: false, declareComplete },
      {
        onSuccess: (saved) => {
          notifySuccess(
            t('calendarImport.saved', { year: saved.year, created: saved.created, updated: saved.updated }),
          )
          preview.reset()
          setFile(null)
        },
      },
    )
  }

  const errorText = (problem: CalendarImportError) =>
    isMessageKey(problem.key) ? formatMessage(locale, problem.key, problem.params) : problem.message

  const rowColumns: DataTableColumn<CalendarImportRow>[] = [
    {
      key: 'row',
      header: t('calendarImport.row'),
      sortValue: (row) => row.row,
      render: (row) => row.row,
    },
    {
      key: 'date',
      header: t('calendar.date'),
      primary: true,
      noWrap: true,
      sortValue: (row) => row.date,
      render: (row) => formatDate(row.date, locale, 'datetime'),
    },
    {
      key: 'name',
      header: t('calendar.name'),
      render: (row) => (
        <>
          {row.name}
          {row.action === 'update' && row.before ? (
            <Text size="xs" c="dimmed">
              {t('calendarImport.before', {
                name: `${row.before.name} (${t(`calendarKind.${row.before.kind}`)})`,
              })}
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'kind', header: t('calendar.kind'), render: (row) => t(`calendarKind.${row.kind}`) },
    {
      key: 'action',
      header: t('calendarImport.action'),
      sortValue: (row) => row.action,
      render: (row) => (
        <Badge color={ACTION_COLOURS[row.action]} variant="light">
          {t(`importAction.${row.action}`)}
        </Badge>
      ),
    },
  ]
  const errorColumns: DataTableColumn<CalendarImportError>[] = [
    {
      key: 'row',
      header: t('calendarImport.row'),
      primary: true,
      sortValue: (problem) => problem.row,
      render: (problem) => problem.row,
    },
    {
      key: 'column',
      header: t('calendarImport.column'),
      render: (problem) => problem.column || '—',
    },
    { key: 'problem', header: t('calendarImport.problem'), render: errorText },
  ]
  const rowsWithErrors = new Set(result?.errors.map((problem) => problem.row)).size
  const nothingToSave =
    result !== undefined && result.created + result.updated === 0 && !result.declaresComplete

  return (
    <>
      <PageHeader title={t('nav.calendarImport')} description={t('calendarImport.intro')} />
      <CalendarNav />
      <Panel title={t('calendarImport.fileTitle')} description={t('calendarImport.columns')}>
        <ErrorText>{error.banner}</ErrorText>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('calendarImport.year')}
            value={year}
            onChange={(value) => {
              setYear(value)
              const next = Number(value)
              if (file && Number.isInteger(next) && next >= 2000 && next <= 2100) runPreview(file, next)
            }}
            min={2000}
            max={2100}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            error={yearValid ? undefined : t('calendarSettings.yearInvalid')}
            w={140}
          />
          <Button
            component="label"
            variant={file ? 'default' : 'filled'}
            loading={preview.isPending}
            className="file-button"
          >
            {file ? t('calendarImport.chooseAgain') : t('calendarImport.file')}
            <input
              type="file"
              className="visually-hidden"
              accept=".csv,text/csv"
              onChange={(event) => void choose(event)}
              disabled={preview.isPending || !yearValid}
            />
          </Button>
          <Button
            variant="subtle"
            onClick={() =>
              saveBlob(
                new Blob([templateCsv(yearValid ? yearNumber : new Date().getFullYear() + 1)], {
                  type: 'text/csv',
                }),
                `hari-libur-${yearValid ? yearNumber : 'contoh'}.csv`,
              )
            }
          >
            {t('calendarImport.template')}
          </Button>
        </Group>
      </Panel>
      {result && file ? (
        <Panel title={t('calendarImport.preview', { file: file.name })}>
          <Stack gap="sm">
            <Text data-testid="import-counts">
              {t('calendarImport.counts', {
                rows: result.dataRows,
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
              })}
            </Text>
            {result.hadTable ? (
              <Notice>{t('calendarImport.hasTable', { year: result.year })}</Notice>
            ) : (
              <Checkbox
                label={t('calendarImport.declareComplete', { year: result.year })}
                checked={declareComplete}
                onChange={(event) => setDeclareComplete(event.currentTarget.checked)}
              />
            )}
            {result.errors.length > 0 ? (
              <>
                <ErrorText>{t('calendarImport.errors', { count: rowsWithErrors })}</ErrorText>
                <Text fw={700} aria-hidden="true">
                  {t('calendarImport.errorTable')}
                </Text>
                <DataTable
                  caption={t('calendarImport.errorTable')}
                  columns={errorColumns}
                  rows={result.errors}
                  rowKey={(problem) => `${problem.row}-${problem.column}-${problem.key}`}
                  emptyText=""
                  pageSize={50}
                  testId="import-errors"
                />
              </>
            ) : nothingToSave ? (
              <Notice tone="ok">{t('calendarImport.nothingToSave')}</Notice>
            ) : (
              <Group>
                <Button onClick={saveTable} loading={save.isPending}>
                  {t('calendarImport.save', { year: result.year })}
                </Button>
              </Group>
            )}
            {result.rows.length > 0 ? (
              <>
                <Text fw={700} aria-hidden="true">
                  {t('calendarImport.rowTable')}
                </Text>
                <DataTable
                  caption={t('calendarImport.rowTable')}
                  columns={rowColumns}
                  rows={result.rows}
                  rowKey={(row) => row.date}
                  emptyText=""
                  initialSort={{ key: 'date', direction: 'asc' }}
                  pageSize={50}
                  testId="import-rows"
                />
              </>
            ) : null}
          </Stack>
        </Panel>
      ) : null}
    </>
  )
}
