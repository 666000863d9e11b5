// "Unggahan saya": the author's posts, newest change first, with their state and scheduled time in WIB; a draft
// opens in the composer.
import { Badge, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatDate } from '../../../../src/shared/dates.ts'
import { PLATFORM_LABELS } from '../../../../src/shared/platforms.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { Post } from './post-types.ts'
import { myPostsQuery } from './posts-queries.ts'

export function DraftsPage() {
  const { t, locale } = useI18n()
  const posts = useQuery(myPostsQuery)
  const columns: DataTableColumn<Post>[] = [
    {
      key: 'title',
      header: t('posts.title'),
      primary: true,
      render: (post) => (
        <AnchorLink to="/posts/$id" params={{ id: post.id }}>
          {post.title || t('posts.untitled')}
        </AnchorLink>
      ),
    },
    {
      key: 'status',
      header: t('posts.status'),
      render: (post) => (
        <Badge
          variant="outline"
          color={post.status === 'draft' ? 'gray.8' : 'blue.9'}
          style={{ minWidth: 'max-content' }}
        >
          {t(`postStatus.${post.status}`)}
        </Badge>
      ),
    },
    {
      key: 'targets',
      header: t('posts.targets'),
      render: (post) => (
        <Text size="sm">
          {post.variants
            .map((variant) => `${PLATFORM_LABELS[variant.platform]} ${variant.handle}`)
            .join(', ') || '—'}
        </Text>
      ),
    },
    {
      key: 'scheduledAt',
      header: t('posts.scheduledAt'),
      noWrap: true,
      render: (post) => formatDate(post.scheduledAt, locale, 'datetime'),
    },
    {
      key: 'updatedAt',
      header: t('posts.updatedAt'),
      noWrap: true,
      render: (post) => formatDate(post.updatedAt, locale, 'datetime'),
    },
  ]
  return (
    <>
      <PageHeader
        title={t('nav.posts')}
        actions={
          <ButtonLink to="/posts/new" data-testid="new-post">
            {t('nav.composer')}
          </ButtonLink>
        }
      />
      <LoadState loading={posts.isPending} error={posts.error} />
      {posts.data ? (
        <DataTable
          caption={t('nav.posts')}
          columns={columns}
          rows={posts.data.items}
          rowKey={(post) => post.id}
          emptyText={t('posts.empty')}
          testId="drafts"
        />
      ) : null}
    </>
  )
}
