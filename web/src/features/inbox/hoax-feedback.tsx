// The operator's verdict on the item's hoax match, in the context pane: "Benar, ini hoaks tersebut", "Bukan hoaks
// ini", "Hoaks lain…" for a matched item, "Tandai sebagai hoaks…" for one the matcher tied to nothing — each kept
// as training data for the matcher and applied to the item at once (its hoax badge, filter and priority). Once a
// wording is judged to be a claim, whoever manages the knowledge base may keep it as a variant ("Jadikan varian"),
// edited first if it carries personal data (the server refuses an NIK, a phone number or an e-mail address).
import { Button, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorBanner, ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { HoaxClaim, HoaxClaimList } from '../hoax/hoax-types.ts'
import { hoaxKeys } from '../hoax/hoax-queries.ts'
import type { components } from '../../api/openapi.d.ts'
import { inboxKeys } from './inbox-queries.ts'

export type HoaxFeedback = components['schemas']['HoaxFeedback']
type HoaxFeedbackRequest = components['schemas']['HoaxFeedbackRequestInput']

// Outside inboxKeys.all: a verdict's answer is the new state, the refetch of the inbox must not race it.
const feedbackKey = (itemId: string) => ['inbox-hoax-feedback', itemId] as const

export function hoaxFeedbackQuery(itemId: string) {
  return queryOptions({
    queryKey: feedbackKey(itemId),
    queryFn: () => api.get<HoaxFeedback>(`/api/inbox/items/${itemId}/hoax-feedback`),
  })
}

/** The active claims to choose from, asked for only when the operator opens the choice. */
function activeClaimsQuery(enabled: boolean) {
  return queryOptions({
    queryKey: [...hoaxKeys.all, 'active-for-inbox'] as const,
    queryFn: () => api.get<HoaxClaimList>('/api/hoax-claims?status=active'),
    enabled,
  })
}

export const hoaxFeedbackRequests = {
  judge: (itemId: string, body: HoaxFeedbackRequest) =>
    api.put<HoaxFeedback>(`/api/inbox/items/${itemId}/hoax-feedback`, body),
  keepVariant: (itemId: string, text: string) =>
    api.post<HoaxClaim>(`/api/inbox/items/${itemId}/hoax-feedback/variant`, { text }),
}

export function HoaxFeedbackBlock({ itemId }: { itemId: string }) {
  const { t, locale } = useI18n()
  const client = useQueryClient()
  const feedback = useQuery(hoaxFeedbackQuery(itemId))
  const [choosing, setChoosing] = useState(false)
  const [chosen, setChosen] = useState<string | null>(null)
  const [variantOpen, setVariantOpen] = useState(false)
  const claims = useQuery(activeClaimsQuery(choosing))
  const judge = useMutation({
    mutationFn: (body: HoaxFeedbackRequest) => hoaxFeedbackRequests.judge(itemId, body),
    onSuccess: (answer) => {
      client.setQueryData(feedbackKey(itemId), answer)
      setChoosing(false)
      setChosen(null)
      notifySuccess(t('inbox.hoaxFeedback.saved'))
      // The thread (its claim), the list's badges and the counts follow the item's new match.
      void client.invalidateQueries({ queryKey: inboxKeys.all })
    },
  })

  const data = feedback.data
  if (!data || (!data.canJudge && !data.feedback)) return <ErrorBanner error={feedback.error} />
  const matched = data.hoaxClaimId
  const verdict = data.feedback
  const confirmed = verdict && verdict.verdict !== 'rejected' && verdict.claimId === matched
  const options = (claims.data?.items ?? [])
    .filter((claim) => claim.id !== matched)
    .map((claim) => ({ value: claim.id, label: claim.claim }))

  return (
    <Stack gap={6} data-testid="inbox-hoax-feedback">
      <Title order={3} size="h6">
        {t('inbox.hoaxFeedback.title')}
      </Title>
      {verdict ? (
        <Text size="xs" c="dimmed" data-testid="inbox-hoax-verdict">
          {t(`inbox.hoaxFeedback.verdict.${verdict.verdict}`, { claim: verdict.claim })}{' '}
          {t('inbox.hoaxFeedback.by', {
            name: verdict.judgedBy.name ?? '—',
            at: formatDate(verdict.judgedAt, locale, 'shortDatetime'),
          })}
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          {matched ? t('inbox.hoaxFeedback.askMatched') : t('inbox.hoaxFeedback.askUnmatched')}
        </Text>
      )}
      {data.canJudge ? (
        <Group gap={6}>
          {matched && !confirmed ? (
            <Button
              size="compact-sm"
              color="red"
              variant="light"
              loading={judge.isPending && judge.variables.verdict === 'confirmed'}
              onClick={() => judge.mutate({ verdict: 'confirmed' })}
            >
              {t('inbox.hoaxFeedback.confirm')}
            </Button>
          ) : null}
          {matched ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={judge.isPending && judge.variables.verdict === 'rejected'}
              onClick={() => judge.mutate({ verdict: 'rejected' })}
            >
              {t('inbox.hoaxFeedback.reject')}
            </Button>
          ) : null}
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setChoosing((open) => !open)}
            aria-expanded={choosing}
          >
            {matched ? t('inbox.hoaxFeedback.other') : t('inbox.hoaxFeedback.mark')}
          </Button>
        </Group>
      ) : null}
      {choosing ? (
        <Stack gap={6}>
          <Select
            size="xs"
            label={t('inbox.hoaxFeedback.chooseLabel')}
            placeholder={
              claims.isPending ? t('inbox.hoaxFeedback.loading') : t('inbox.hoaxFeedback.choosePlaceholder')
            }
            searchable
            nothingFoundMessage={t('inbox.hoaxFeedback.nothingFound')}
            data={options}
            value={chosen}
            onChange={setChosen}
            // The pane is narrow and claims are sentences: the list may be wider than the field.
            comboboxProps={{ withinPortal: true, position: 'bottom-end', width: 320 }}
            maxDropdownHeight={260}
            data-testid="inbox-hoax-choose"
          />
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!chosen}
              loading={judge.isPending && judge.variables.verdict === 'other_claim'}
              onClick={() => chosen && judge.mutate({ verdict: 'other_claim', claimId: chosen })}
            >
              {t('inbox.hoaxFeedback.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {data.canAddVariant && verdict ? (
        <Group gap={6}>
          <Button size="compact-sm" variant="subtle" onClick={() => setVariantOpen(true)}>
            {t('inbox.hoaxFeedback.variant')}
          </Button>
        </Group>
      ) : null}
      <ErrorBanner error={judge.error ?? claims.error} />
      {variantOpen && verdict ? (
        <VariantModal
          itemId={itemId}
          claim={verdict.claim}
          onClose={() => setVariantOpen(false)}
          initialText={verdict.text}
        />
      ) : null}
    </Stack>
  )
}

function VariantModal({
  itemId,
  claim,
  initialText,
  onClose,
}: {
  itemId: string
  claim: string
  initialText: string
  onClose: () => void
}) {
  const { t } = useI18n()
  const client = useQueryClient()
  const [text, setText] = useState(initialText)
  const keep = useMutation({
    mutationFn: () => hoaxFeedbackRequests.keepVariant(itemId, text),
    onSuccess: () => {
      notifySuccess(t('inbox.hoaxFeedback.variantSaved'))
      void client.invalidateQueries({ queryKey: hoaxKeys.all })
      onClose()
    },
  })
  const errors = useErrorText(keep.error)
  const fieldError = errors.field('text')
  return (
    <Modal opened onClose={onClose} title={t('inbox.hoaxFeedback.variantTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('inbox.hoaxFeedback.variantFor', { claim })}</Text>
        <Textarea
          label={t('inbox.hoaxFeedback.variantText')}
          description={t('inbox.hoaxFeedback.variantHint')}
          autosize
          minRows={3}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={fieldError}
          data-autofocus
        />
        {fieldError ? null : <ErrorText>{errors.banner}</ErrorText>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inbox.hoaxFeedback.cancel')}
          </Button>
          <Button loading={keep.isPending} disabled={text.trim() === ''} onClick={() => keep.mutate()}>
            {t('inbox.hoaxFeedback.variantSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
