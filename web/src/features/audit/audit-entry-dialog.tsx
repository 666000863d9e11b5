// One entry in full: when, who, what and which object in words, every changed field before → after, and, folded
// away, the technical details an inspector matches against the CSV export or `warta audit verify` (sequence
// number, ids, hashes). The whole entry is read from GET /api/audit/{id}: the list may have cut a big entry.
import { Accordion, Code, DataList, Modal, Stack, Text, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { CARD_LAYOUT_QUERY } from '../../components/data-table.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { ChangeTable } from './audit-changes.tsx'
import { auditEntryQuery } from './audit-queries.ts'
import type { AuditEntry, AuditEntryDetail } from './audit-types.ts'
import { AuditWarning } from './audit-warning.tsx'
import { actorText, deviceText, isCommandLine, objectText } from './audit-words.ts'

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{children}</DataList.ItemValue>
    </DataList.Item>
  )
}

function Technical({ entry }: { entry: AuditEntry | AuditEntryDetail }) {
  const { t } = useI18n()
  const detail = 'prevHash' in entry ? entry : null
  const code = (value: string | number) => <Code style={{ overflowWrap: 'anywhere' }}>{value}</Code>
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="technical">
        <Accordion.Control>{t('audit.technical')}</Accordion.Control>
        <Accordion.Panel>
          <DataList size="sm" gap={6} labelWidth="11rem">
            <Item label={t('audit.techSeq')}>{entry.seq}</Item>
            <Item label={t('audit.techId')}>{entry.id}</Item>
            <Item label={t('audit.techAction')}>{code(entry.action)}</Item>
            <Item label={t('audit.techObjectType')}>{code(entry.objectType)}</Item>
            {entry.objectId ? <Item label={t('audit.techObjectId')}>{code(entry.objectId)}</Item> : null}
            <Item label={t('audit.techActor')}>{code(entry.actorLabel)}</Item>
            {entry.userAgent ? <Item label={t('audit.techUserAgent')}>{entry.userAgent}</Item> : null}
            <Item label={t('audit.techHash')}>{code(entry.hash)}</Item>
            {detail ? <Item label={t('audit.techPrevHash')}>{code(detail.prevHash)}</Item> : null}
            {detail ? <Item label={t('audit.techHashVersion')}>{detail.hashVersion}</Item> : null}
          </DataList>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}

function EntryBody({ entry }: { entry: AuditEntry }) {
  const { t, locale } = useI18n()
  const full = useQuery(auditEntryQuery(locale, entry.id))
  // A whole entry from the list needs no second look; a cut one waits for the full read.
  const shown: AuditEntry | AuditEntryDetail | null =
    full.data ?? (entry.truncated && !full.error ? null : entry)
  // Labels and names as the full read has them (it follows a language switched while the dialog is open).
  const view = full.data ?? entry
  const device = deviceText(entry, t)
  return (
    <Stack gap="md">
      <DataList size="sm" gap={6} labelWidth="8rem">
        <Item label={t('audit.when')}>{formatDate(entry.occurredAt, locale, 'datetime')}</Item>
        <Item label={t('audit.actor')}>{actorText(view, t)}</Item>
        <Item label={t('audit.object')}>
          {objectText(view)}
          {view.objectLabelSource === 'entry' ? (
            <Text size="xs" c="dimmed">
              {t('audit.objectFromEntry')}
            </Text>
          ) : null}
        </Item>
        {device ? <Item label={t('audit.device')}>{device}</Item> : null}
        {entry.ip && !isCommandLine(entry) ? <Item label={t('audit.ip')}>{entry.ip}</Item> : null}
      </DataList>
      {entry.truncated ? (
        <AuditWarning>
          {full.data
            ? t('audit.truncatedWhole')
            : full.error
              ? t('audit.truncatedCut')
              : t('audit.truncatedLoading')}
        </AuditWarning>
      ) : null}
      {entry.truncated ? <ErrorBanner error={full.error} /> : null}
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('audit.changesTitle')}
        </Title>
        <LoadState loading={!shown} error={null} />
        {shown ? (
          <ChangeTable
            changes={shown.changes}
            caption={t('audit.changesOf', { action: entry.actionLabel })}
          />
        ) : null}
      </Stack>
      <Technical entry={shown ?? entry} />
    </Stack>
  )
}

export function AuditEntryDialog({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useI18n()
  const phone = useMediaQuery(CARD_LAYOUT_QUERY, false, { getInitialValueInEffect: false })
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry?.actionLabel ?? ''}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {entry ? <EntryBody entry={entry} /> : null}
    </Modal>
  )
}
