// Choosing the Facebook Page when the login manages several (issue #8): the api's callback kept the login as a
// pending choice and sent the browser back with ?oauth=choose_page&choice=<id>. The Pages are listed with their name,
// category, id and address; the one the registry names is marked, a Page another Warta account holds is marked
// and cannot be chosen (one Page, one account). Choosing connects that Page and the panel shows the health.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api } from '../../app/api-client.ts'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { ConnectionHealth } from './account-types.ts'
import { WHOLE_WORD_BADGE } from './badge-style.ts'

export interface OAuthChoiceOption {
  platformAccountId: string
  name: string | null
  handle: string | null
  category: string | null
  url: string | null
  suggested: boolean
  usedBy: { accountId: string; handle: string } | null
}

export interface OAuthChoice {
  choiceId: string
  accountId: string
  platform: string
  expiresAt: string
  options: OAuthChoiceOption[]
}

export function OAuthPageChooser({
  accountId,
  choiceId,
  onChosen,
}: {
  accountId: string
  choiceId: string
  onChosen: (health: ConnectionHealth) => void
}) {
  const { t, locale } = useI18n()
  const path = `/api/accounts/${accountId}/oauth/choices/${choiceId}`
  const choice = useQuery({
    queryKey: ['accounts', 'oauth-choice', accountId, choiceId],
    queryFn: () => api.get<OAuthChoice>(path),
    retry: false,
  })
  const choose = useMutation({
    mutationFn: (platformAccountId: string) => api.post<ConnectionHealth>(path, { platformAccountId }),
    onSuccess: onChosen,
  })
  const data = choice.data
  return (
    <Stack gap="xs" mb="md" data-testid="oauth-page-chooser">
      <ErrorBanner error={choice.error ?? choose.error} />
      {data ? (
        <>
          <Text size="sm">
            {t('connection.pageChoice.intro', { platform: platformLabel(data.platform) })}{' '}
            {t('connection.pageChoice.until', { time: formatDate(data.expiresAt, locale, 'datetime') })}
          </Text>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.options.map((option) => {
              const name = option.name ?? option.platformAccountId
              return (
                <Paper
                  component="li"
                  key={option.platformAccountId}
                  withBorder
                  p="sm"
                  data-testid="oauth-page-option"
                >
                  <Group justify="space-between" align="center" gap="sm" wrap="wrap">
                    <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {name}
                        </Text>
                        {option.suggested ? (
                          <Badge color="blue" variant="light" style={WHOLE_WORD_BADGE}>
                            {t('connection.pageChoice.suggested')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {[option.category, t('connection.pageChoice.id', { id: option.platformAccountId })]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {option.url ? (
                        <Anchor
                          href={option.url}
                          target="_blank"
                          rel="noreferrer noopener"
                          size="xs"
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          {option.url.replace(/^https?:\/\/(www\.)?/, '')}
                        </Anchor>
                      ) : null}
                    </div>
                    {option.usedBy ? (
                      <Text size="sm" c="dimmed" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {t('connection.pageChoice.usedBy', { handle: option.usedBy.handle })}
                      </Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        onClick={() => choose.mutate(option.platformAccountId)}
                        loading={choose.isPending && choose.variables === option.platformAccountId}
                        disabled={choose.isPending}
                        aria-label={t('connection.pageChoice.chooseNamed', { name })}
                      >
                        {t('connection.pageChoice.choose')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              )
            })}
          </Stack>
        </>
      ) : choice.isPending ? (
        <Text c="dimmed" size="sm">
          {t('common.loading')}
        </Text>
      ) : null}
    </Stack>
  )
}
