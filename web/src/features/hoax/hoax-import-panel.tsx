// Importing claims from a CSV file: choose the file, see what each row would do (new, changed, unchanged) and
// every problem by row and column, then save. A file with any problem is not saved: the claims left out would
// leave drafts unchecked against them without anyone noticing.
import { Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useState, type ChangeEvent } from 'react'
import { problemText, useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { hoaxRequests, useHoaxChange } from './hoax-queries.ts'
import type { HoaxImport, HoaxImportError, HoaxImportRow } from './hoax-types.ts'

const ACTION_COLOURS = { create: 'green', update: 'orange', unchanged: 'gray' } as const

export function HoaxImportPanel() {
  const { t, locale } = useI18n()
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const preview = useHoaxChange(hoaxRequests.importCsv)
  const save = useHoaxChange(hoaxRequests.importCsv)
  const error = useErrorText(preview.error ?? save.error)
  const result: HoaxImport | undefined = preview.data

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!chosen) return
    const next = { name: chosen.name, text: await chosen.text() }
    setFile(next)
    save.reset()
    preview.mutate({ csv: next.text, dryRun: true })
  }

  const saveFile = () => {
    if (!file) return
    save.mutate(
      { csv: file.text, dryRun: false },
      {
        onSuccess: (saved) => {
          notifySuccess(t('hoaxImport.saved', { created: saved.created, updated: saved.updated }))
          preview.reset()
          setFile(null)
        },
      },
    )
  }

  const rowColumns: DataTableColumn<HoaxImportRow>[] = [
    { key: 'row', header: t('calendarImport.row'), sortValue: (row) => row.row, render: (row) => row.row },
    { key: 'claim', header: t('hoax.claim'), primary: true, render: (row) => row.claim },
    { key: 'label', header: t('hoax.label'), render: (row) => t(`hoaxLabel.${row.label}`) },
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
  const errorColumns: DataTableColumn<HoaxImportError>[] = [
    {
      key: 'row',
      header: t('calendarImport.row'),
      primary: true,
      sortValue: (problem) => problem.row,
      render: (problem) => problem.row,
    },
    { key: 'column', header: t('calendarImport.column'), render: (problem) => problem.column || '—' },
    {
      key: 'problem',
      header: t('calendarImport.problem'),
      render: (problem) => problemText(problem, locale),
    },
  ]
  const rowsWithErrors = new Set(result?.errors.map((problem) => problem.row)).size
  const nothingToSave = result !== undefined && result.created + result.updated === 0

  return (
    <Panel title={t('hoaxImport.title')} description={t('hoaxImport.intro')}>
      <Stack gap="sm">
        <ErrorText>{error.banner}</ErrorText>
        <Group gap="sm" wrap="wrap">
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
              disabled={preview.isPending}
            />
          </Button>
          <Button variant="subtle" onClick={() => void hoaxRequests.template()}>
            {t('calendarImport.template')}
          </Button>
        </Group>
        {result && file ? (
          <Stack gap="sm">
            <Text fw={700}>{t('calendarImport.preview', { file: file.name })}</Text>
            <Text data-testid="hoax-import-counts">
              {t('calendarImport.counts', {
                rows: result.dataRows,
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
              })}
            </Text>
            {result.errors.length > 0 ? (
              <>
                <ErrorText>{t('calendarImport.errors', { count: rowsWithErrors })}</ErrorText>
                <DataTable
                  caption={t('calendarImport.errorTable')}
                  columns={errorColumns}
                  rows={result.errors}
                  rowKey={(problem) => `${problem.row}-${problem.column}-${problem.key}`}
                  emptyText=""
                  pageSize={50}
                  testId="hoax-import-errors"
                />
              </>
            ) : nothingToSave ? (
              <Notice tone="ok">{t('calendarImport.nothingToSave')}</Notice>
            ) : (
              <Group>
                <Button onClick={saveFile} loading={save.isPending}>
                  {t('hoaxImport.save', { count: result.created + result.updated })}
                </Button>
              </Group>
            )}
            {result.rows.length > 0 ? (
              <DataTable
                caption={t('hoaxImport.rowTable')}
                columns={rowColumns}
                rows={result.rows}
                rowKey={(row) => String(row.row)}
                emptyText=""
                pageSize={25}
                testId="hoax-import-rows"
              />
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Panel>
  )
}
