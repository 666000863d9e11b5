// The changed fields of an entry as people read them: "Nama: Dinas Kesehatan → Dinas Kesehatan Kota". The API
// sends every value already in words (dates as dates, yes/no, roles and units by name); this only lays them out.
// In the list an entry shows its first few changes; the entry dialog shows them all as a table.
import { List, Text } from '@mantine/core'
import { DataTable, type DataTableColumn, type DataTableLayout } from '../../components/data-table.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { AuditChange, AuditEntry } from './audit-types.ts'
import { isEmptyValue, meaningfulChanges } from './audit-words.ts'

/** Changes shown in a row of the list; the rest are counted. */
export const CHANGES_IN_ROW = 3

export function ChangeValue({ value }: { value: string | null }) {
  const { t } = useI18n()
  // The dash is read out as the word ("kosong"), and copied as the dash.
  if (isEmptyValue(value))
    return (
      <span role="img" aria-label={t('audit.emptyValue')}>
        —
      </span>
    )
  return <span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{value}</span>
}

/** "Field: before → after"; a field that only got a value reads "Field: value". */
function ChangeLine({ change }: { change: AuditChange }) {
  const { t } = useI18n()
  const onlyAfter = isEmptyValue(change.before)
  return (
    <>
      <Text span fw={600} size="sm">
        {change.fieldLabel}:
      </Text>{' '}
      {onlyAfter ? (
        <ChangeValue value={change.after} />
      ) : (
        <>
          <ChangeValue value={change.before} />{' '}
          <span role="img" aria-label={t('audit.becomes')}>
            →
          </span>{' '}
          <ChangeValue value={change.after} />
        </>
      )}
    </>
  )
}

/** The first few changes of an entry, for its row in the list. */
export function ChangeSummary({
  entry,
  layout,
}: {
  entry: Pick<AuditEntry, 'changes' | 'truncated'>
  /** In a table the column keeps a readable width; a phone card has the whole width anyway. */
  layout: DataTableLayout
}) {
  const { t } = useI18n()
  const changes = meaningfulChanges(entry.changes)
  const shown = changes.slice(0, CHANGES_IN_ROW)
  const more = changes.length - shown.length
  return (
    <>
      {shown.length === 0 ? (
        <Text span size="sm" c="dimmed">
          {t('audit.noChangesShort')}
        </Text>
      ) : (
        <List
          size="sm"
          spacing={2}
          listStyleType="none"
          p={0}
          m={0}
          miw={layout === 'table' ? '14rem' : undefined}
        >
          {shown.map((change) => (
            <List.Item key={change.field}>
              <ChangeLine change={change} />
            </List.Item>
          ))}
        </List>
      )}
      {more > 0 ? (
        <Text size="sm" c="dimmed">
          {more === 1 ? t('audit.moreChange') : t('audit.moreChanges', { count: more })}
        </Text>
      ) : null}
      {entry.truncated ? (
        <Text size="sm" c="orange.9" fw={600}>
          {t('audit.truncatedShort')}
        </Text>
      ) : null}
    </>
  )
}

/**
 * Every change of one entry: field, before, after (cards on a phone). A side that is empty for every field (a
 * created object has no before, a deleted one no after) is left out rather than shown as a column of dashes.
 */
export function ChangeTable({ changes, caption }: { changes: readonly AuditChange[]; caption: string }) {
  const { t } = useI18n()
  const rows = meaningfulChanges(changes)
  const hasBefore = rows.some((change) => !isEmptyValue(change.before))
  const hasAfter = rows.some((change) => !isEmptyValue(change.after))
  const columns: DataTableColumn<AuditChange>[] = [
    {
      key: 'field',
      header: t('audit.field'),
      primary: true,
      render: (change) => (
        <>
          {change.fieldLabel}
          {change.truncated ? (
            <Text span size="xs" c="orange.9" fw={600}>
              {' '}
              {t('audit.valueCut')}
            </Text>
          ) : null}
        </>
      ),
    },
  ]
  if (hasBefore || !hasAfter)
    columns.push({
      key: 'before',
      header: t('audit.before'),
      render: (change) => <ChangeValue value={change.before} />,
    })
  if (hasAfter || !hasBefore)
    columns.push({
      key: 'after',
      header: t('audit.after'),
      render: (change) => <ChangeValue value={change.after} />,
    })
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(change) => change.field}
      emptyText={t('audit.noChanges')}
      pageSize={0}
      testId="audit-changes"
    />
  )
}
