// Adding or changing a claim: the label as a choice, the claim as it circulates, the agency's facts, sources
// (one per line, "Judul | https://…"), dates, the units it concerns, and the variants and keywords the matcher
// and the search use.
import { Button, Group, MultiSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { UnitOption } from '../units/unit-tree.ts'
import { hoaxRequests, useHoaxChange } from './hoax-queries.ts'
import type { HoaxClaim, HoaxClaimBody, HoaxLabel } from './hoax-types.ts'

export const HOAX_LABELS: readonly HoaxLabel[] = ['hoaks', 'disinformasi', 'misinformasi']

/** "Judul | https://…" per line (a bare address is fine) → sources; the reverse for editing. */
export function parseSourceLines(text: string): { url: string; title: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|')
      return bar >= 0
        ? { title: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() }
        : { title: '', url: line }
    })
}

export function sourceLines(sources: HoaxClaim['sources']): string {
  return sources
    .map((source) =>
      source.title && source.title !== source.url ? `${source.title} | ${source.url}` : source.url,
    )
    .join('\n')
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

export function HoaxClaimForm({
  claim,
  units,
  onDone,
}: {
  claim: HoaxClaim | null
  units: readonly UnitOption[]
  onDone: () => void
}) {
  const { t } = useI18n()
  const [label, setLabel] = useState<string>(claim?.label ?? 'hoaks')
  const [text, setText] = useState(claim?.claim ?? '')
  const [facts, setFacts] = useState(claim?.facts ?? '')
  const [sources, setSources] = useState(claim ? sourceLines(claim.sources) : '')
  const [firstSeenOn, setFirstSeenOn] = useState(claim?.firstSeenOn ?? '')
  const [clarifiedOn, setClarifiedOn] = useState(claim?.clarifiedOn ?? '')
  const [unitIds, setUnitIds] = useState<string[]>(claim?.units.map((unit) => unit.id) ?? [])
  const [variants, setVariants] = useState(claim?.variants.join('\n') ?? '')
  const [keywords, setKeywords] = useState(claim?.keywords.join(', ') ?? '')
  const create = useHoaxChange(hoaxRequests.create)
  const update = useHoaxChange(hoaxRequests.update)
  const failed = claim ? update : create
  const error = useErrorText(failed.error)
  const fieldOf = (prefix: string) =>
    Object.entries(error.fields).find(([field]) => field === prefix || field.startsWith(`${prefix}.`))?.[1]

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body: HoaxClaimBody = {
      label,
      claim: text,
      facts,
      sources: parseSourceLines(sources),
      firstSeenOn: firstSeenOn || null,
      clarifiedOn: clarifiedOn || null,
      unitIds,
      variants: lines(variants),
      keywords: keywords
        .split(/[,\n]/)
        .map((word) => word.trim())
        .filter(Boolean),
    }
    const done = () => {
      notifySuccess(t(claim ? 'hoax.updated' : 'hoax.created'))
      onDone()
    }
    if (claim) update.mutate({ id: claim.id, body }, { onSuccess: done })
    else create.mutate(body, { onSuccess: done })
  }

  const unitData = units
    .filter(({ unit }) => !unit.archivedAt || unitIds.includes(unit.id))
    .map(({ unit }) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }))

  return (
    <Panel title={claim ? t('hoax.editTitle') : t('hoax.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorText>{error.banner}</ErrorText>
          <Radio.Group
            label={t('hoax.label')}
            value={label}
            onChange={setLabel}
            error={fieldOf('label')}
            required
          >
            <Group gap="md" mt={4}>
              {HOAX_LABELS.map((value) => (
                <Radio key={value} value={value} label={t(`hoaxLabel.${value}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('hoax.claim')}
            description={t('hoax.claimHint')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={fieldOf('claim')}
            autosize
            minRows={2}
            required
          />
          <Textarea
            label={t('hoax.facts')}
            description={t('hoax.factsHint')}
            value={facts}
            onChange={(event) => setFacts(event.currentTarget.value)}
            error={fieldOf('facts')}
            autosize
            minRows={3}
            required
          />
          <Textarea
            label={t('hoax.sources')}
            description={t('hoax.sourcesHint')}
            value={sources}
            onChange={(event) => setSources(event.currentTarget.value)}
            error={fieldOf('sources')}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('hoax.firstSeenOn')}
              value={firstSeenOn}
              onChange={(event) => setFirstSeenOn(event.currentTarget.value)}
              error={fieldOf('firstSeenOn')}
            />
            <TextInput
              type="date"
              label={t('hoax.clarifiedOn')}
              value={clarifiedOn}
              onChange={(event) => setClarifiedOn(event.currentTarget.value)}
              error={fieldOf('clarifiedOn')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('hoax.units')}
            description={t('hoax.unitsHint')}
            data={unitData}
            value={unitIds}
            onChange={setUnitIds}
            error={fieldOf('unitIds')}
            searchable
            clearable
          />
          <Textarea
            label={t('hoax.variants')}
            description={t('hoax.variantsHint')}
            value={variants}
            onChange={(event) => setVariants(event.currentTarget.value)}
            error={fieldOf('variants')}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('hoax.keywords')}
            description={t('hoax.keywordsHint')}
            value={keywords}
            onChange={(event) => setKeywords(event.currentTarget.value)}
            error={fieldOf('keywords')}
          />
          <Group>
            <Button type="submit" loading={failed.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  )
}
