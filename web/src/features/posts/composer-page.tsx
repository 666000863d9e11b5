// "Tulis unggahan": the composer. The author writes the base text once, chooses the accounts it goes to, and
// adapts it per account in tabs (each prefilled from the base text until edited) with a live counter that counts
// as the platform does. As the author pauses, the compliance check runs on the server and its findings are
// marked in the text with their Indonesian message. Submission runs the check again; a penanggung jawab over the
// unit may submit through blocking findings with a written reason (audited).
import {
  Button,
  Checkbox,
  FileButton,
  Group,
  Image,
  Radio,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useParams } from '@tanstack/react-router'
import { DecisionHistory } from '../approvals/decision-history.tsx'
import { useEffect, useMemo, useState } from 'react'
import { countText } from '../../../../src/shared/count-text.ts'
import { estimateXCost } from '../../../../src/shared/x-cost.ts'
import { formatMessage } from '../../../../src/shared/messages/format-message.ts'
import { PLATFORM_RULES } from '../../../../src/shared/platform-rules.ts'
import { PLATFORM_LABELS } from '../../../../src/shared/platforms.ts'
import { FIVE_W_ONE_H } from '../../../../src/shared/statuses.ts'
import { validateVariant } from '../../../../src/shared/validate-variant.ts'
import { ApiError } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { FindingsView } from './findings-view.tsx'
import { PublicationsPanel } from './publications-panel.tsx'
import type { CheckBody, DraftBody, Post, PostTarget } from './post-types.ts'
import {
  checkQuery,
  postQuery,
  targetsQuery,
  uploadMedia,
  useSavePost,
  useSubmitPost,
} from './posts-queries.ts'
import { OverrideForm } from './override-form.tsx'
import { ScheduleField } from './schedule-field.tsx'
import { isoToWibInput, wibInputToIso } from './wib-time.ts'
import { COUNTER_KEYS } from './counter-keys.ts'

interface AttachedMedia {
  mediaId: string
  altText: string
  kind: 'image' | 'video'
  thumbnailUrl: string | null
}

interface VariantState {
  /** null: follows the base text. */
  text: string | null
  media: AttachedMedia[]
}

interface FormState {
  title: string
  kind: 'berita' | 'informasi'
  baseText: string
  source: string
  verificationNote: string
  fiveWOneH: Record<string, string>
  tags: string
  campaign: string
  scheduledLocal: string
  crisis: boolean
  targets: string[]
  variants: Record<string, VariantState>
}

const EMPTY: FormState = {
  title: '',
  kind: 'informasi',
  baseText: '',
  source: '',
  verificationNote: '',
  fiveWOneH: {},
  tags: '',
  campaign: '',
  scheduledLocal: '',
  crisis: false,
  targets: [],
  variants: {},
}

function fromPost(post: Post): FormState {
  return {
    title: post.title,
    kind: post.kind,
    baseText: post.baseText,
    source: post.source,
    verificationNote: post.verificationNote,
    fiveWOneH: post.fiveWOneH,
    tags: post.tags.join(', '),
    campaign: post.campaign ?? '',
    scheduledLocal: isoToWibInput(post.scheduledAt),
    crisis: post.crisis,
    targets: post.variants.map((variant) => variant.accountId),
    variants: Object.fromEntries(
      post.variants.map((variant) => [
        variant.accountId,
        {
          text: variant.text === post.baseText ? null : variant.text,
          media: variant.media.map((m) => ({
            mediaId: m.mediaId,
            altText: m.altText,
            kind: m.kind,
            thumbnailUrl: m.thumbnailUrl,
          })),
        },
      ]),
    ),
  }
}

function toBody(form: FormState): DraftBody {
  return {
    title: form.title,
    kind: form.kind,
    baseText: form.baseText,
    source: form.source,
    verificationNote: form.verificationNote,
    fiveWOneH: form.fiveWOneH,
    tags: form.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    campaign: form.campaign.trim() || null,
    scheduledAt: wibInputToIso(form.scheduledLocal),
    crisis: form.crisis,
    targets: form.targets,
    variants: form.targets.map((accountId) => {
      const variant = form.variants[accountId]
      return {
        accountId,
        text: variant?.text ?? null,
        media: (variant?.media ?? []).map((m) => ({ mediaId: m.mediaId, altText: m.altText })),
      }
    }),
  }
}

function VariantEditor({
  target,
  form,
  setVariant,
  findings,
}: {
  target: PostTarget
  form: FormState
  setVariant: (next: VariantState) => void
  findings: NonNullable<ReturnType<typeof useCheck>['data']>['variants'][number]['findings']
}) {
  const { t, locale } = useI18n()
  const [uploadError, setUploadError] = useState<unknown>(null)
  const [uploading, setUploading] = useState(false)
  const state = form.variants[target.id] ?? { text: null, media: [] }
  const text = state.text ?? form.baseText
  const platform = target.platform
  const rule = PLATFORM_RULES[platform]
  const length = countText(text, rule.textCounting)
  const verdict = validateVariant({ platform, text, media: state.media })

  const upload = async (file: File | null) => {
    if (!file) return
    setUploading(true)
    setUploadError(null)
    try {
      const media = await uploadMedia(file)
      setVariant({
        ...state,
        media: [
          ...state.media,
          { mediaId: media.id, altText: '', kind: media.kind, thumbnailUrl: media.thumbnailUrl },
        ],
      })
    } catch (error) {
      setUploadError(error)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Stack gap="sm">
      <Textarea
        label={t('posts.variantText', { account: `${PLATFORM_LABELS[platform]} ${target.handle}` })}
        description={state.text === null ? t('posts.followsBase') : t('posts.customised')}
        autosize
        minRows={4}
        value={text}
        onChange={(event) => setVariant({ ...state, text: event.currentTarget.value })}
        data-testid={`variant-text-${target.id}`}
      />
      <Group justify="space-between" gap="xs">
        <Text
          size="sm"
          c={length > rule.maxTextLength ? 'red.9' : 'dimmed'}
          aria-live="polite"
          data-testid={`variant-counter-${target.id}`}
        >
          {t(COUNTER_KEYS[rule.textCounting], { length, limit: rule.maxTextLength })}
        </Text>
        {platform === 'x' ? <XCostNote text={text} /> : null}
        {state.text !== null ? (
          <Button variant="subtle" size="xs" onClick={() => setVariant({ ...state, text: null })}>
            {t('posts.resetToBase')}
          </Button>
        ) : null}
      </Group>
      {verdict.problems.length > 0 ? (
        <Stack gap={2} role="status">
          {verdict.problems.map((found, index) => (
            <Text key={index} size="sm" c="red.9">
              {formatMessage(locale, found.key, found.params)}
            </Text>
          ))}
        </Stack>
      ) : null}
      <FindingsView text={text} findings={findings} testId={`variant-findings-${target.id}`} />
      <Group gap="sm" align="flex-start">
        {state.media.map((media, index) => (
          <Stack key={media.mediaId} gap={4} w={180}>
            {media.thumbnailUrl ? (
              <Image
                src={media.thumbnailUrl}
                alt={media.altText || t('posts.noAlt')}
                radius="sm"
                h={100}
                fit="cover"
              />
            ) : (
              <Text size="sm">{t('posts.video')}</Text>
            )}
            {media.kind === 'image' ? (
              <TextInput
                label={t('posts.altText')}
                size="xs"
                value={media.altText}
                onChange={(event) => {
                  const next = [...state.media]
                  next[index] = { ...media, altText: event.currentTarget.value }
                  setVariant({ ...state, media: next })
                }}
              />
            ) : null}
            <Button
              variant="subtle"
              color="red.9"
              size="xs"
              onClick={() => setVariant({ ...state, media: state.media.filter((_, i) => i !== index) })}
            >
              {t('posts.removeMedia')}
            </Button>
          </Stack>
        ))}
      </Group>
      <ErrorBanner error={uploadError} />
      <FileButton
        onChange={(file) => void upload(file)}
        accept="image/jpeg,image/png,image/webp,image/gif,video/mp4"
      >
        {(props) => (
          <Button variant="light" loading={uploading} {...props} style={{ alignSelf: 'flex-start' }}>
            {t('posts.addMedia')}
          </Button>
        )}
      </FileButton>
    </Stack>
  )
}

function checkBodyOf(form: FormState, targets: readonly PostTarget[]): CheckBody {
  return {
    baseText: form.baseText,
    variants: targets
      .filter((target) => form.targets.includes(target.id))
      .map((target) => {
        const state = form.variants[target.id]
        return {
          key: target.id,
          platform: target.platform,
          text: state?.text ?? form.baseText,
          media: (state?.media ?? []).map((m) => ({ kind: m.kind, altText: m.altText })),
        }
      }),
  }
}

function useCheck(body: CheckBody) {
  const [debounced] = useDebouncedValue(body, 600)
  const empty = !(debounced.baseText ?? '').trim() && (debounced.variants ?? []).every((v) => !v.text.trim())
  return useQuery({ ...checkQuery(debounced), enabled: !empty, placeholderData: (previous) => previous })
}

export function ComposerPage() {
  const params = useParams({ strict: false })
  const postId = (params as { id?: string }).id ?? null
  const existing = useQuery({ ...postQuery(postId ?? ''), enabled: postId !== null })
  if (postId && !existing.data) return <LoadState loading={existing.isPending} error={existing.error} />
  const post = existing.data ?? null
  if (post && !post.editable)
    // Submitted, scheduled, published or ended (or someone else's): what became of it comes first, and the
    // content is shown as it was sent, without the save and submit buttons the server would refuse.
    return (
      <>
        <SentPostHeader post={post} />
        <Stack gap="lg">
          {post.status !== 'draft' ? <PublicationsPanel postId={post.id} /> : null}
          {post.status !== 'draft' ? <DecisionHistory postId={post.id} /> : null}
          <fieldset
            disabled
            style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
            data-testid="post-read-only"
          >
            <Composer key={post.id} post={post} readOnly />
          </fieldset>
        </Stack>
      </>
    )
  return (
    <>
      <Composer key={postId ?? 'new'} post={post} />
      {postId && post?.status !== 'draft' ? <PublicationsPanel postId={postId} /> : null}
      {postId && post?.status !== 'draft' ? <DecisionHistory postId={postId} /> : null}
    </>
  )
}

function SentPostHeader({ post }: { post: Post }) {
  const { t } = useI18n()
  return (
    <PageHeader
      title={post.title}
      description={t('posts.readOnlyIntro', { status: t(`postStatus.${post.status}`) })}
    />
  )
}

function Composer({ post, readOnly = false }: { post: Post | null; readOnly?: boolean }) {
  const { t } = useI18n()
  const { me } = useSession()
  const navigate = useNavigate()
  const targets = useQuery(targetsQuery)
  const [form, setForm] = useState<FormState>(() => (post ? fromPost(post) : EMPTY))
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(
    post ? { id: post.id, version: post.version } : null,
  )
  const [overrideReason, setOverrideReason] = useState('')
  const [tab, setTab] = useState<string | null>(null)
  const save = useSavePost()
  const submit = useSubmitPost()
  const targetList = useMemo(() => targets.data?.items ?? [], [targets.data])
  const check = useCheck(checkBodyOf(form, targetList))
  const chosen = targetList.filter((target) => form.targets.includes(target.id))
  useEffect(() => {
    if (chosen.length > 0 && !chosen.some((target) => target.id === tab)) setTab(chosen[0]!.id)
  }, [chosen, tab])

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }))
  const isPenanggungJawab = me.grants.some((grant) => grant.role === 'penanggung_jawab')
  const blocked = submit.error instanceof ApiError && submit.error.key === 'posts.blocked_by_findings'

  const persist = async () => {
    const answer = await save.mutateAsync({
      id: saved?.id ?? null,
      version: saved?.version ?? null,
      body: toBody(form),
    })
    setSaved({ id: answer.id, version: answer.version })
    return answer
  }
  const onSave = async () => {
    try {
      await persist()
      notifySuccess(t('posts.saved'))
    } catch {
      // Shown by the banner.
    }
  }
  const onSubmit = async (withOverride: boolean) => {
    try {
      const draft = await persist()
      await submit.mutateAsync({
        id: draft.id,
        version: draft.version,
        ...(withOverride ? { overrideReason } : {}),
      })
      notifySuccess(t('posts.submitted'))
      void navigate({ to: '/posts' })
    } catch {
      // Shown by the banner.
    }
  }

  return (
    <>
      {readOnly ? null : (
        <PageHeader title={post ? t('posts.editTitle') : t('nav.composer')} description={t('posts.intro')} />
      )}
      <Stack gap="lg">
        <Panel title={t('posts.content')}>
          <Stack gap="sm">
            <TextInput
              label={t('posts.title')}
              required
              value={form.title}
              onChange={(event) => set('title', event.currentTarget.value)}
            />
            <Radio.Group label={t('posts.kind')} value={form.kind} onChange={(value) => set('kind', value)}>
              <Group gap="md" mt={4}>
                <Radio value="informasi" label={t('posts.kind.informasi')} />
                <Radio value="berita" label={t('posts.kind.berita')} />
              </Group>
            </Radio.Group>
            {form.kind === 'berita' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {FIVE_W_ONE_H.map((key) => (
                  <TextInput
                    key={key}
                    label={t(`posts.5w.${key}`)}
                    required
                    value={form.fiveWOneH[key] ?? ''}
                    onChange={(event) =>
                      set('fiveWOneH', { ...form.fiveWOneH, [key]: event.currentTarget.value })
                    }
                  />
                ))}
              </SimpleGrid>
            ) : null}
            <Textarea
              label={t('posts.baseText')}
              description={t('posts.baseTextHint')}
              autosize
              minRows={5}
              value={form.baseText}
              onChange={(event) => set('baseText', event.currentTarget.value)}
              data-testid="base-text"
            />
            <div aria-live="polite">
              <Text size="sm" fw={700} mb={4}>
                {t('posts.complianceTitle')}
                {check.isFetching ? ` · ${t('posts.checking')}` : ''}
              </Text>
              <FindingsView text={form.baseText} findings={check.data?.base ?? []} testId="base-findings" />
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea
                label={t('posts.source')}
                autosize
                minRows={2}
                value={form.source}
                onChange={(event) => set('source', event.currentTarget.value)}
              />
              <Textarea
                label={t('posts.verificationNote')}
                autosize
                minRows={2}
                value={form.verificationNote}
                onChange={(event) => set('verificationNote', event.currentTarget.value)}
              />
              <TextInput
                label={t('posts.tags')}
                description={t('posts.tagsHint')}
                value={form.tags}
                onChange={(event) => set('tags', event.currentTarget.value)}
              />
              <TextInput
                label={t('posts.campaign')}
                value={form.campaign}
                onChange={(event) => set('campaign', event.currentTarget.value)}
              />
              <ScheduleField value={form.scheduledLocal} onChange={(next) => set('scheduledLocal', next)} />
              <Checkbox
                mt="lg"
                label={t('posts.crisis')}
                checked={form.crisis}
                onChange={(event) => set('crisis', event.currentTarget.checked)}
              />
            </SimpleGrid>
          </Stack>
        </Panel>

        <Panel title={t('posts.targets')}>
          <LoadState loading={targets.isPending} error={targets.error} />
          {targets.data ? (
            targetList.length === 0 ? (
              <Text c="dimmed">{t('posts.noTargets')}</Text>
            ) : (
              <Checkbox.Group
                value={form.targets}
                onChange={(value) => set('targets', value)}
                label={t('posts.targetsLabel')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                  {targetList.map((target) => (
                    <Checkbox
                      key={target.id}
                      value={target.id}
                      label={`${PLATFORM_LABELS[target.platform]} · ${target.handle} (${target.unit.name})`}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )
          ) : null}
          {chosen.length > 0 ? (
            <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
              <Tabs.List>
                {chosen.map((target) => (
                  <Tabs.Tab
                    key={target.id}
                    value={target.id}
                    // A long handle (a Bluesky domain) wraps instead of pushing the page sideways on a phone.
                    style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', maxWidth: '100%' }}
                  >
                    {PLATFORM_LABELS[target.platform]} {target.handle}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {chosen.map((target) => (
                <Tabs.Panel key={target.id} value={target.id} pt="sm">
                  <VariantEditor
                    target={target}
                    form={form}
                    findings={check.data?.variants.find((v) => v.key === target.id)?.findings ?? []}
                    setVariant={(next) =>
                      setForm((f) => ({ ...f, variants: { ...f.variants, [target.id]: next } }))
                    }
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          ) : null}
        </Panel>

        {readOnly ? null : (
          <Panel title={t('posts.send')}>
            <Stack gap="sm">
              <ErrorBanner error={save.error ?? submit.error} />
              <Group gap="sm">
                <Button variant="default" onClick={() => void onSave()} loading={save.isPending}>
                  {t('posts.saveDraft')}
                </Button>
                <Button
                  onClick={() => void onSubmit(false)}
                  loading={submit.isPending}
                  data-testid="submit-post"
                >
                  {t('posts.submit')}
                </Button>
              </Group>
              {blocked && isPenanggungJawab ? (
                <OverrideForm
                  reason={overrideReason}
                  onReasonChange={setOverrideReason}
                  description={t('posts.overrideHint')}
                  actionLabel={t('posts.submitWithOverride')}
                  onAct={() => void onSubmit(true)}
                  loading={submit.isPending}
                  testId="override-form"
                />
              ) : null}
            </Stack>
          </Panel>
        )}
      </Stack>
    </>
  )
}

/** X bills each post (more for one with a link): said before the post is submitted, in US dollars as X bills. */
function XCostNote({ text }: { text: string }) {
  const { t } = useI18n()
  const cost = estimateXCost({ text })
  return (
    <Text size="sm" c="dimmed" data-testid="x-cost">
      {t(cost.basis === 'post_with_url' ? 'posts.xCostWithUrl' : 'posts.xCost', { usd: cost.usd.toFixed(3) })}
    </Text>
  )
}
