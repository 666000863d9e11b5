// The list behind one count of the home page: the official accounts (or pengelola assignments) with what is
// wrong, a page at a time. The fixes are made on the accounts page; this list follows them.
import { Code, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { isAttentionItem, type AttentionItem } from '../../../../src/shared/attention.ts'
import { formatDate } from '../../../../src/shared/dates.ts'
import { NotFoundPage } from '../../app/not-found-page.tsx'
import { PAGES } from '../../app/pages.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { attentionLabel } from './home-page.tsx'
import { ATTENTION_PAGE_SIZE, attentionListQuery, attentionQuery } from './home-queries.ts'
import type { AttentionEntry } from './home-types.ts'

function detailOf(item: AttentionItem, entry: AttentionEntry, t: Translate, locale: 'id' | 'en') {
  switch (item) {
    case 'naming':
      return entry.naming ? (
        <>
          {t('attentionList.expected')}: <Code>{entry.naming.expected}</Code>
        </>
      ) : null
    case 'platform_two_factor':
      return t('attentionList.noPlatformTwoFactor')
    case 'credential_rotation':
      return entry.credentialRotatedOn
        ? t('attentionList.lastRotated', { date: formatDate(entry.credentialRotatedOn, locale, 'date') })
        : t('attentionList.neverRotated')
    case 'surat_tugas': {
      const pengelola = entry.pengelola
      if (!pengelola) return null
      const missing = [
        pengelola.suratTugasNumber?.trim() ? null : t('attentionList.noLetterNumber'),
        pengelola.suratTugasDate ? null : t('attentionList.noLetterDate'),
      ].filter(Boolean)
      return `${t('attentionList.pengelola', { name: pengelola.name })}: ${missing.join(', ')}`
    }
  }
}

function AttentionList({ item }: { item: AttentionItem }) {
  const { t, locale } = useI18n()
  const [offset, setOffset] = useState(0)
  const list = useQuery(attentionListQuery(item, offset))
  const summary = useQuery(attentionQuery)
  const days = summary.data?.settings.credentialRotationDays ?? 90
  const title = attentionLabel(item, days, t)
  const total = list.data?.total ?? 0
  const intro =
    item === 'credential_rotation'
      ? t('attentionList.intro.credential_rotation', {
          date: summary.data ? formatDate(summary.data.rotationCutoff, locale, 'date') : '…',
        })
      : t(`attentionList.intro.${item}`)

  const columns: DataTableColumn<AttentionEntry>[] = [
    {
      key: 'handle',
      header: t('attentionList.handle'),
      primary: true,
      render: (entry) => entry.handle,
    },
    {
      key: 'platform',
      header: t('attentionList.platform'),
      render: (entry) => platformLabel(entry.platform),
    },
    { key: 'unit', header: t('attentionList.unit'), render: (entry) => entry.unit.name },
    { key: 'detail', header: t('attentionList.detail'), render: (entry) => detailOf(item, entry, t, locale) },
  ]

  return (
    <>
      <PageHeader title={title} description={intro} />
      <Text mb="md">
        <AnchorLink to={PAGES.home.path}>← {t('attentionList.back')}</AnchorLink>
      </Text>
      <Panel
        title={t('attentionList.listTitle', { total })}
        description={
          <>
            {t('attentionList.fixHint')} <AnchorLink to={PAGES.accounts.path}>{t('nav.accounts')}</AnchorLink>
            {t('attentionList.fixHintEnd')}
          </>
        }
      >
        <DataTable
          caption={title}
          columns={columns}
          rows={list.data?.items}
          rowKey={(entry) => `${entry.accountId}-${entry.pengelola?.userId ?? ''}`}
          emptyText={t('attentionList.empty')}
          loading={list.isPending}
          error={list.error}
          testId="attention-list"
          serverPaging={{
            label: t('attentionList.range', {
              from: total === 0 ? 0 : offset + 1,
              to: Math.min(total, offset + ATTENTION_PAGE_SIZE),
              total,
            }),
            hasPrevious: offset > 0,
            hasNext: offset + ATTENTION_PAGE_SIZE < total,
            onPrevious: () => setOffset(Math.max(0, offset - ATTENTION_PAGE_SIZE)),
            onNext: () => setOffset(offset + ATTENTION_PAGE_SIZE),
          }}
        />
      </Panel>
    </>
  )
}

export function AttentionPage() {
  const { item } = useParams({ from: '/attention/$item' })
  if (!isAttentionItem(item)) return <NotFoundPage />
  return <AttentionList key={item} item={item} />
}
