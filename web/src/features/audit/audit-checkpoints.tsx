// Signed checkpoints of the instansi's audit chain: why an auditor keeps them (one line), the signing key's
// fingerprint to compare with the one handed over on paper, the list with a download per checkpoint, and a button
// that signs the chain's head now and downloads it. docs/audit.md explains what a kept file proves.
import { Button, Code, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { checkpointsQuery, downloadCheckpoint, useMakeCheckpoint } from './audit-queries.ts'
import type { Checkpoint } from './audit-types.ts'
import { AuditWarning } from './audit-warning.tsx'
import { checkpointMakerText } from './audit-words.ts'

export function AuditCheckpoints() {
  const { t, locale } = useI18n()
  const [pages, setPages] = useState<(number | null)[]>([null])
  const checkpoints = useQuery(checkpointsQuery(pages[pages.length - 1] ?? null))
  const make = useMakeCheckpoint()
  const [downloadError, setDownloadError] = useState<unknown>(null)
  const fingerprint = checkpoints.data?.signingKey.fingerprint
  const number = (value: number) => value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')

  const download = async (checkpoint: Checkpoint) => {
    setDownloadError(null)
    try {
      await downloadCheckpoint(checkpoint)
    } catch (caught) {
      setDownloadError(caught)
    }
  }

  const columns: DataTableColumn<Checkpoint>[] = [
    {
      key: 'createdAt',
      header: t('audit.checkpointCreated'),
      primary: true,
      noWrap: true,
      render: (checkpoint) => formatDate(checkpoint.createdAt, locale, 'datetime'),
    },
    {
      key: 'seq',
      header: t('audit.checkpointCovers'),
      render: (checkpoint) => t('audit.checkpointEntries', { count: number(checkpoint.seq) }),
    },
    {
      key: 'createdBy',
      header: t('audit.checkpointBy'),
      render: (checkpoint) => (
        <>
          {checkpointMakerText(checkpoint.createdBy, t)}
          {fingerprint && checkpoint.keyFingerprint !== fingerprint ? (
            <Text size="xs" c="orange.9" fw={600}>
              {t('audit.checkpointOtherKey')}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'download',
      header: t('audit.download'),
      hideHeader: true,
      render: (checkpoint) => (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => void download(checkpoint)}
          aria-label={t('audit.downloadCheckpoint', {
            when: formatDate(checkpoint.createdAt, locale, 'datetime'),
          })}
        >
          {t('audit.download')}
        </Button>
      ),
    },
  ]

  return (
    <Panel
      title={t('audit.checkpoints')}
      description={t('audit.checkpointsWhy')}
      actions={
        <Button
          variant="default"
          loading={make.isPending}
          onClick={() =>
            make.mutate(undefined, {
              onSuccess: ({ checkpoint, created }) =>
                notifySuccess(
                  created
                    ? t('audit.checkpointMade', { count: number(checkpoint.seq) })
                    : t('audit.checkpointUnchanged'),
                ),
            })
          }
        >
          {t('audit.checkpointMake')}
        </Button>
      }
    >
      <Stack gap="sm">
        <ErrorBanner error={make.error ?? downloadError} />
        {fingerprint ? (
          <div>
            <Text size="sm" fw={600}>
              {t('audit.fingerprint')}
            </Text>
            <Code
              block
              data-testid="signing-key-fingerprint"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {fingerprint}
            </Code>
            <Text size="xs" c="dimmed" mt={4}>
              {t('audit.fingerprintHint')}
            </Text>
          </div>
        ) : null}
        {checkpoints.data?.items.some((checkpoint) => checkpoint.keyFingerprint !== fingerprint) ? (
          <AuditWarning>{t('audit.checkpointOtherKeyNote')}</AuditWarning>
        ) : null}
        <DataTable
          caption={t('audit.checkpoints')}
          columns={columns}
          rows={checkpoints.data?.items}
          rowKey={(checkpoint) => String(checkpoint.id)}
          emptyText={t('audit.checkpointsEmpty')}
          loading={checkpoints.isPending}
          error={checkpoints.error}
          testId="checkpoint-table"
          serverPaging={{
            label: t('common.page', { page: pages.length }),
            hasPrevious: pages.length > 1,
            hasNext: Boolean(checkpoints.data?.nextBeforeId),
            onPrevious: () => setPages(pages.slice(0, -1)),
            onNext: () => {
              const next = checkpoints.data?.nextBeforeId
              if (next) setPages([...pages, next])
            },
          }}
        />
      </Stack>
    </Panel>
  )
}
