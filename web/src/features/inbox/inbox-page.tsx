// "Kotak masuk": every citizen's comment, mention and message in the person's units, in three panes — the list
// (by reply deadline, then priority), the thread (with our replies, notes, who else is looking, the reply box
// and the actions the platform allows) and the context (account, classification, hoax match, deadline, the
// citizen's history). Keyboard-first (j/k, r, e, a, /, ?), live over Server-Sent Events, one pane at a time on a
// phone. The filters live in the URL and can be saved per user.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Kbd,
  Loader,
  Menu,
  Modal,
  NativeSelect,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { countText } from '../../../../src/shared/count-text.ts'
import { formatDate } from '../../../../src/shared/dates.ts'
import type { TextCounting } from '../../../../src/shared/platform-rules.ts'
import { PERMISSIONS } from '../../../../src/shared/permissions.ts'
import { isRole } from '../../../../src/shared/roles.ts'
import { hasPlaceholders } from '../../../../src/shared/saved-reply-template.ts'
import { ApiError } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { describeApiError } from '../../components/api-error-text.ts'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import { HoaxFeedbackBlock } from './hoax-feedback.tsx'
import { useUnits } from '../units/units-queries.ts'
import {
  inboxCountsQuery,
  inboxKeys,
  inboxListQuery,
  inboxRequests,
  inboxThreadQuery,
  savedViewsQuery,
} from './inbox-queries.ts'
import {
  INBOX_INTENTS,
  INBOX_SENTIMENTS,
  INBOX_TABS,
  searchOfView,
  viewQueryOf,
  type InboxSearch,
  type InboxTab,
} from './inbox-search.ts'
import type { InboxItem, InboxThread } from './inbox-types.ts'
import { clearReplyDraft, useReplyDraft } from './reply-draft.ts'
import { ClarificationButton, HandOff, HandoffStatus, SavedReplyPicker } from './reply-helpers.tsx'
import { ReplyState } from './reply-state.tsx'
import { groupThread, type ThreadEntry } from './thread-groups.ts'
import { slaState } from './sla-countdown.ts'
import { COUNTER_KEYS } from '../posts/counter-keys.ts'

const STATUS_COLOURS: Record<InboxItem['status'], string> = {
  new: 'blue',
  open: 'yellow',
  answered: 'green',
  closed: 'gray',
}

/** A negative item stands out in the list; the others stay quiet. */
const SENTIMENT_COLOURS: Record<string, string> = { positif: 'green', netral: 'gray', negatif: 'red' }

/** The current time, refreshed every `everyMs` (the SLA countdowns). */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable
}

export function SlaBadge({
  item,
  now,
}: {
  item: Pick<InboxItem, 'slaDueAt' | 'status' | 'firstResponseAt'>
  now: number
}) {
  const { t } = useI18n()
  const style = { flexShrink: 0 }
  // Answered (or closed after an answer): whether the answer came within the deadline, not a running clock.
  if (item.firstResponseAt && (item.status === 'answered' || item.status === 'closed')) {
    if (!item.slaDueAt) return null
    const met = new Date(item.firstResponseAt).getTime() <= new Date(item.slaDueAt).getTime()
    return (
      <Badge variant="outline" color={met ? 'green' : 'red'} radius="sm" style={style} data-testid="sla">
        {t(met ? 'inbox.sla.met' : 'inbox.sla.missed')}
      </Badge>
    )
  }
  const state = item.status === 'closed' ? null : slaState(item.slaDueAt, now, t)
  if (!state)
    return (
      <Badge variant="outline" color="gray" radius="sm" style={style} data-testid="sla">
        {t('inbox.sla.none')}
      </Badge>
    )
  return (
    <Badge
      variant={state.breached ? 'filled' : 'light'}
      color={state.breached ? 'red' : state.soon ? 'orange' : 'gray'}
      radius="sm"
      style={style}
      data-testid="sla"
      data-breached={state.breached ? 'true' : 'false'}
    >
      {state.label}
    </Badge>
  )
}

/** Live updates: the list and the open thread refresh when the server says something changed. */
function useInboxEvents(openThreadId: string | null) {
  const queryClient = useQueryClient()
  const threadRef = useRef(openThreadId)
  threadRef.current = openThreadId
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const source = new EventSource('/api/inbox/events')
    let pending: ReturnType<typeof setTimeout> | undefined
    const refreshLists = () => {
      if (pending) return
      pending = setTimeout(() => {
        pending = undefined
        void queryClient.invalidateQueries({ queryKey: ['inbox', 'list'] })
        void queryClient.invalidateQueries({ queryKey: ['inbox', 'counts'] })
      }, 300)
    }
    source.addEventListener('item', (event) => {
      refreshLists()
      const data = JSON.parse((event as MessageEvent<string>).data) as { item: InboxItem }
      if (threadRef.current && data.item.threadId === threadRef.current)
        void queryClient.invalidateQueries({ queryKey: ['inbox', 'thread'] })
    })
    source.addEventListener('presence', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { threadId: string }
      if (threadRef.current && data.threadId === threadRef.current)
        void queryClient.invalidateQueries({ queryKey: ['inbox', 'thread'] })
    })
    return () => {
      if (pending) clearTimeout(pending)
      source.close()
    }
  }, [queryClient])
}

export function InboxPage() {
  const { t } = useI18n()
  const search: InboxSearch = useSearch({ from: '/inbox' })
  const navigate = useNavigate({ from: '/inbox' })
  const phone = useMediaQuery('(max-width: 62em)') ?? false
  const now = useNow()
  const [showKeys, setShowKeys] = useState(false)
  const [assignOpen, setAssignOpen] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const replyRef = useRef<HTMLTextAreaElement>(null)
  const queryClient = useQueryClient()

  const setSearch = useCallback(
    (change: Partial<InboxSearch>, options: { push?: boolean } = {}) =>
      void navigate({
        search: (previous: InboxSearch) => {
          const next: Record<string, string | undefined> = { ...previous, ...change }
          for (const key of Object.keys(next)) if (!next[key]) delete next[key]
          return next
        },
        // On a phone opening an item is a step the back button undoes; elsewhere the URL just follows.
        replace: !options.push,
      }),
    [navigate],
  )
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const toggleSelected = useCallback(
    (id: string) =>
      setSelected((previous) => {
        const next = new Set(previous)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      }),
    [],
  )

  const list = useInfiniteQuery(inboxListQuery(search))
  const counts = useQuery(inboxCountsQuery(search))
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const thread = useQuery({ ...inboxThreadQuery(search.item ?? ''), enabled: Boolean(search.item) })
  useInboxEvents(thread.data?.item.threadId ?? null)

  const selectedIndex = items.findIndex((item) => item.id === search.item)
  const move = useCallback(
    (step: number) => {
      if (items.length === 0) return
      const from = selectedIndex < 0 ? (step > 0 ? -1 : items.length) : selectedIndex
      const next = items[Math.min(items.length - 1, Math.max(0, from + step))]
      if (next) setSearch({ item: next.id })
    },
    [items, selectedIndex, setSearch],
  )

  const close = useMutation({
    mutationFn: (item: { id: string; closed: boolean }) =>
      item.closed ? inboxRequests.reopen(item.id) : inboxRequests.close(item.id),
    onSuccess: (item) => {
      notifySuccess(item.status === 'closed' ? t('inbox.closedDone') : t('inbox.reopenedDone'))
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
    },
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur()
        return
      }
      const view = thread.data
      switch (event.key) {
        case 'j':
          move(1)
          break
        case 'k':
          move(-1)
          break
        case '/':
          event.preventDefault()
          searchRef.current?.focus()
          break
        case '?':
          setShowKeys(true)
          break
        case 'r':
          if (view?.actions.reply) {
            event.preventDefault()
            replyRef.current?.focus()
          }
          break
        case 'e':
          if (view?.actions.work) close.mutate({ id: view.item.id, closed: view.item.status === 'closed' })
          break
        case 'a':
          if (view?.actions.work) setAssignOpen(true)
          break
        case 'x':
          if (view) toggleSelected(view.item.id)
          break
        default:
          return
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [move, thread.data, close, toggleSelected])

  const tab = search.tab ?? 'waiting'
  const tabCount = (value: InboxTab) => {
    const byStatus = counts.data?.byStatus
    if (!byStatus) return ''
    const n = value === 'waiting' ? byStatus.new + byStatus.open : byStatus[value]
    return ` (${n})`
  }

  const listPane = (
    <Paper withBorder p="sm" radius="md" h="100%" data-testid="inbox-list-pane">
      <Stack gap="xs">
        <SegmentedControl
          fullWidth
          size="xs"
          value={tab}
          onChange={(value) => setSearch({ tab: value, item: undefined })}
          data={INBOX_TABS.map((value) => ({ value, label: `${t(`inbox.tab.${value}`)}${tabCount(value)}` }))}
          aria-label={t('inbox.tabs')}
          // The list pane is narrow beside the thread: a long count wraps under its tab's name instead of being cut.
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25, paddingInline: 4 } }}
        />
        <InboxFilters search={search} setSearch={setSearch} searchRef={searchRef} />
        {counts.data ? (
          <Text size="xs" c="dimmed" data-testid="inbox-counts">
            {t('inbox.countsLine', {
              mine: counts.data.mine,
              unassigned: counts.data.unassigned,
              breached: counts.data.breached,
            })}
          </Text>
        ) : null}
        {selected.size > 0 ? (
          <BulkBar
            ids={[...selected]}
            onDone={() => {
              setSelected(new Set())
              void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
            }}
          />
        ) : null}
        <ErrorBanner error={list.error} />
        {list.isPending ? <Loader size="sm" /> : null}
        {!list.isPending && items.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="inbox-empty">
            {t('inbox.empty')}
          </Text>
        ) : null}
        <Stack gap={4} role="list" aria-label={t('inbox.list')} data-testid="inbox-list">
          {items.map((item) => (
            <InboxRow
              key={item.id}
              item={item}
              now={now}
              selected={item.id === search.item}
              checked={selected.has(item.id)}
              onCheck={() => toggleSelected(item.id)}
              onSelect={() => setSearch({ item: item.id }, { push: phone })}
            />
          ))}
        </Stack>
        {list.hasNextPage ? (
          <Button
            variant="default"
            size="xs"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('inbox.more')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  )

  const threadPane = search.item ? (
    <ThreadPane
      key={search.item}
      itemId={search.item}
      query={thread}
      replyRef={replyRef}
      assignOpen={assignOpen}
      setAssignOpen={setAssignOpen}
      onToggleClosed={(view) => close.mutate({ id: view.item.id, closed: view.item.status === 'closed' })}
      closing={close.isPending}
      onBack={phone ? () => setSearch({ item: undefined }) : undefined}
    />
  ) : (
    <Paper withBorder p="lg" radius="md" h="100%">
      <Text c="dimmed">{t('inbox.pickOne')}</Text>
    </Paper>
  )

  const contextPane = thread.data ? <ContextPane view={thread.data} now={now} /> : null

  return (
    <Box>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.intro')}
        actions={
          // A phone has no keyboard to speak of.
          phone ? undefined : (
            <Button
              variant="default"
              size="xs"
              onClick={() => setShowKeys(true)}
              leftSection={<Kbd size="xs">?</Kbd>}
            >
              {t('inbox.keys.title')}
            </Button>
          )
        }
      />
      {phone ? (
        <Stack gap="sm" data-testid="inbox-phone">
          {search.item ? (
            <>
              {threadPane}
              {contextPane}
            </>
          ) : (
            listPane
          )}
        </Stack>
      ) : (
        <Box
          data-testid="inbox-panes"
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(20rem, 1.15fr) minmax(22rem, 1.5fr) minmax(15rem, 0.9fr)',
            gap: 'var(--mantine-spacing-sm)',
            alignItems: 'start',
          }}
        >
          {listPane}
          {threadPane}
          {contextPane ?? <Box />}
        </Box>
      )}
      <Modal opened={showKeys} onClose={() => setShowKeys(false)} title={t('inbox.keys.title')} centered>
        <Stack gap="xs" data-testid="inbox-keys">
          {(
            [
              ['j', 'inbox.keys.next'],
              ['k', 'inbox.keys.previous'],
              ['r', 'inbox.keys.reply'],
              ['e', 'inbox.keys.close'],
              ['a', 'inbox.keys.assign'],
              ['x', 'inbox.keys.select'],
              ['/', 'inbox.keys.search'],
              ['?', 'inbox.keys.help'],
            ] as const
          ).map(([key, label]) => (
            <Group key={key} gap="sm">
              <Kbd>{key}</Kbd>
              <Text size="sm">{t(label)}</Text>
            </Group>
          ))}
        </Stack>
      </Modal>
    </Box>
  )
}

function InboxFilters({
  search,
  setSearch,
  searchRef,
}: {
  search: InboxSearch
  setSearch: (change: Partial<InboxSearch>) => void
  searchRef: React.RefObject<HTMLInputElement | null>
}) {
  const { t } = useI18n()
  const [text, setText] = useState(search.q ?? '')
  const units = useUnits()
  const { me, can } = useSession()
  const readPaths = me.grants
    .filter((grant) => isRole(grant.role) && PERMISSIONS[grant.role].has('inbox.read'))
    .map((grant) => grant.unitPath)
  const unitOptions = units.options.filter(({ unit }) => readPaths.some((path) => unit.path.startsWith(path)))
  const views = useQuery(savedViewsQuery())
  const queryClient = useQueryClient()
  const save = useMutation({
    mutationFn: (name: string) => inboxRequests.saveView(name, viewQueryOf(search)),
    onSuccess: () => {
      notifySuccess(t('inbox.views.saved'))
      void queryClient.invalidateQueries({ queryKey: inboxKeys.views })
    },
  })
  const remove = useMutation({
    mutationFn: (id: string) => inboxRequests.deleteView(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.views }),
  })
  useEffect(() => setText(search.q ?? ''), [search.q])

  return (
    <Stack gap={6}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          setSearch({ q: text.trim() || undefined, item: undefined })
        }}
      >
        <TextInput
          ref={searchRef}
          size="xs"
          label={t('inbox.search')}
          placeholder={t('inbox.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onBlur={() => {
            if ((search.q ?? '') !== text.trim()) setSearch({ q: text.trim() || undefined })
          }}
        />
      </form>
      <Group gap={6} grow wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('inbox.filter.assigned')}
          value={search.assigned ?? ''}
          onChange={(event) =>
            setSearch({ assigned: (event.currentTarget.value || undefined) as InboxSearch['assigned'] })
          }
          data={[
            { value: '', label: t('inbox.filter.anyone') },
            { value: 'me', label: t('inbox.filter.me') },
            { value: 'unassigned', label: t('inbox.filter.unassigned') },
          ]}
        />
        <UnitSelect
          size="xs"
          label={t('inbox.filter.unit')}
          options={unitOptions}
          emptyLabel={t('inbox.filter.allUnits')}
          value={search.unit ?? ''}
          onChange={(event) => setSearch({ unit: event.currentTarget.value || undefined })}
        />
      </Group>
      <Group gap={6} grow wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('inbox.filter.intent')}
          value={search.intent ?? ''}
          onChange={(event) => setSearch({ intent: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('inbox.filter.any') },
            ...INBOX_INTENTS.map((value) => ({ value, label: t(`inbox.intent.${value}`) })),
          ]}
        />
        <NativeSelect
          size="xs"
          label={t('inbox.filter.sentiment')}
          value={search.sentiment ?? ''}
          onChange={(event) => setSearch({ sentiment: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('inbox.filter.any') },
            ...INBOX_SENTIMENTS.map((value) => ({ value, label: t(`inbox.sentiment.${value}`) })),
          ]}
        />
      </Group>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <Checkbox
            size="xs"
            label={t('inbox.filter.hoax')}
            checked={search.hoax === 'true'}
            onChange={(event) => setSearch({ hoax: event.currentTarget.checked ? 'true' : undefined })}
          />
          {can('post.approve') ? (
            <Checkbox
              size="xs"
              label={t('inbox.filter.pending')}
              checked={search.pending === 'true'}
              onChange={(event) => setSearch({ pending: event.currentTarget.checked ? 'true' : undefined })}
            />
          ) : null}
        </Group>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-xs" variant="default">
              {t('inbox.views.title')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown data-testid="inbox-views">
            {(views.data?.items ?? []).map((view) => (
              <Menu.Item
                key={view.id}
                onClick={() => setSearch({ ...emptyFilters(), ...searchOfView(view.query), item: undefined })}
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('inbox.views.delete', { name: view.name })}
                    onClick={(event) => {
                      event.stopPropagation()
                      remove.mutate(view.id)
                    }}
                  >
                    ×
                  </ActionIcon>
                }
              >
                {view.name}
              </Menu.Item>
            ))}
            {(views.data?.items ?? []).length > 0 ? <Menu.Divider /> : null}
            <Menu.Item
              onClick={() => {
                const name = window.prompt(t('inbox.views.namePrompt'))
                if (name?.trim()) save.mutate(name.trim())
              }}
            >
              {t('inbox.views.save')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ErrorBanner error={save.error ?? remove.error} />
    </Stack>
  )
}

function emptyFilters(): Partial<InboxSearch> {
  return {
    tab: undefined,
    q: undefined,
    assigned: undefined,
    hoax: undefined,
    pending: undefined,
    platform: undefined,
    intent: undefined,
    sentiment: undefined,
    label: undefined,
    unit: undefined,
  }
}

function InboxRow({
  item,
  now,
  selected,
  checked,
  onCheck,
  onSelect,
}: {
  item: InboxItem
  now: number
  selected: boolean
  checked: boolean
  onCheck: () => void
  onSelect: () => void
}) {
  const { t } = useI18n()
  const ref = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" role="listitem">
      <Checkbox
        mt={10}
        size="xs"
        checked={checked}
        onChange={onCheck}
        aria-label={t('inbox.bulk.select', { name: item.author.name ?? item.author.handle })}
        data-testid="inbox-row-check"
      />
      <UnstyledButton
        ref={ref}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        data-testid="inbox-row"
        data-item-id={item.id}
        p="xs"
        style={{
          borderRadius: 'var(--mantine-radius-sm)',
          border: `1px solid ${selected ? 'var(--mantine-color-warta-6, var(--mantine-color-blue-6))' : 'var(--mantine-color-default-border)'}`,
          background: selected ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={600} truncate>
            {item.author.name ?? item.author.handle}
          </Text>
          <SlaBadge item={item} now={now} />
        </Group>
        <Text size="sm" lineClamp={2}>
          {item.body}
        </Text>
        <Group gap={4} mt={2} wrap="wrap">
          <Badge size="xs" variant="light" color={STATUS_COLOURS[item.status]}>
            {t(`inbox.status.${item.status}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {platformLabel(item.platform)} · {item.accountHandle ?? ''}
          </Text>
          {/* What ingestion classified, so the list can be triaged without opening each item. */}
          {item.intent ? (
            <Badge size="xs" variant="light" color="indigo" data-testid="inbox-row-intent">
              {intentLabel(t, item.intent)}
            </Badge>
          ) : null}
          {item.sentiment ? (
            <Badge
              size="xs"
              variant="light"
              color={SENTIMENT_COLOURS[item.sentiment] ?? 'gray'}
              data-testid="inbox-row-sentiment"
            >
              {sentimentLabel(t, item.sentiment)}
            </Badge>
          ) : null}
          {item.hoaxClaimId ? (
            <Badge size="xs" color="red" variant="outline">
              {t('inbox.hoaxMatch')}
            </Badge>
          ) : null}
          {item.assignedUserName ? (
            <Text size="xs" c="dimmed">
              → {item.assignedUserName}
            </Text>
          ) : null}
        </Group>
      </UnstyledButton>
    </Group>
  )
}

/** One action on the checked items: assign to me, close, or add a label. */
function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useI18n()
  const { me } = useSession()
  const [label, setLabel] = useState('')
  const bulk = useMutation({
    mutationFn: (
      body: { action: 'assign'; userId: string } | { action: 'close' } | { action: 'label'; add: string[] },
    ) => inboxRequests.bulk({ ...body, ids }),
    onSuccess: (answer) => {
      notifySuccess(t('inbox.bulk.done', { count: answer.count }))
      setLabel('')
      onDone()
    },
  })
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="inbox-bulk">
      <Stack gap={6}>
        <Text size="xs" fw={600}>
          {t('inbox.bulk.selected', { count: ids.length })}
        </Text>
        <Group gap={6} wrap="wrap">
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => bulk.mutate({ action: 'assign', userId: me.user.id })}
          >
            {t('inbox.bulk.assignMe')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => bulk.mutate({ action: 'close' })}>
            {t('inbox.bulk.close')}
          </Button>
        </Group>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (label.trim()) bulk.mutate({ action: 'label', add: [label.trim()] })
          }}
        >
          <Group gap={6} wrap="nowrap" align="flex-end">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              label={t('inbox.bulk.label')}
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
            />
            <Button size="xs" variant="default" type="submit">
              {t('inbox.bulk.addLabel')}
            </Button>
          </Group>
        </form>
        <ErrorBanner error={bulk.error} />
      </Stack>
    </Paper>
  )
}

const Entry = forwardRef<
  HTMLDivElement,
  {
    who: string
    at: string
    children: ReactNode
    tone: 'citizen' | 'us' | 'note'
    /** The item this screen opened: marked, so the operator knows whose words they answer. */
    opened?: boolean
  }
>(function Entry({ who, at, children, tone, opened = false }, ref) {
  const { t, locale } = useI18n()
  const background =
    tone === 'us'
      ? 'var(--mantine-color-blue-light)'
      : tone === 'note'
        ? 'var(--mantine-color-yellow-light)'
        : 'var(--mantine-color-default-hover)'
  return (
    <Box
      ref={ref}
      p="xs"
      // Our replies and notes sit under the comment they answer.
      ml={tone === 'citizen' ? 0 : 'md'}
      data-testid={opened ? 'inbox-opened-item' : undefined}
      data-opened={opened ? 'true' : undefined}
      aria-current={opened ? 'true' : undefined}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background,
        borderLeft: opened ? '4px solid var(--mantine-color-blue-filled)' : undefined,
        scrollMarginTop: 8,
      }}
    >
      <Group justify="space-between" gap={4} wrap="wrap">
        <Group gap={6} wrap="wrap">
          <Text size="xs" fw={600}>
            {who}
          </Text>
          {opened ? (
            <Badge size="xs" variant="filled" color="blue.9">
              {t('inbox.thread.opened')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDate(at, locale, 'shortDatetime')}
        </Text>
      </Group>
      {children}
    </Box>
  )
})

function ThreadPane({
  itemId: openedId,
  query,
  replyRef,
  assignOpen,
  setAssignOpen,
  onToggleClosed,
  closing,
  onBack,
}: {
  query: ReturnType<typeof useQuery<InboxThread>>
  replyRef: React.RefObject<HTMLTextAreaElement | null>
  assignOpen: boolean
  setAssignOpen: (open: boolean) => void
  onToggleClosed: (view: InboxThread) => void
  closing: boolean
  onBack: (() => void) | undefined
  itemId: string
}) {
  const { t, locale } = useI18n()
  const queryClient = useQueryClient()
  const [draft, updateDraft] = useReplyDraft(openedId)
  const { text, unresolved } = draft
  const [showOthers, setShowOthers] = useState(false)
  const openedRef = useRef<HTMLDivElement>(null)
  const [note, setNote] = useState('')
  const [collision, setCollision] = useState<string | null>(null)
  const view = query.data
  const typing = text.length > 0
  const refresh = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all })

  // Presence: a heartbeat every 10 s (and when typing starts or stops); leaving says so.
  const itemId = view?.item.id
  useEffect(() => {
    if (!itemId) return
    void inboxRequests.presence(itemId, { typing }).catch(() => undefined)
    const timer = setInterval(
      () => void inboxRequests.presence(itemId, { typing }).catch(() => undefined),
      10_000,
    )
    return () => clearInterval(timer)
  }, [itemId, typing])
  useEffect(() => {
    if (!itemId) return
    return () => void inboxRequests.presence(itemId, { typing: false, leaving: true }).catch(() => undefined)
  }, [itemId])

  // The opened item in view whenever the thread (re)loads: its group comes first, and a citizen with many comments
  // may push it down.
  useEffect(() => {
    if (itemId) openedRef.current?.scrollIntoView?.({ block: 'nearest' })
  }, [itemId])

  // A saved reply may leave [[nama]]-style placeholders: nothing is sent until the operator replaced them all.
  const unfilled = hasPlaceholders(text)
  const leftOver = unresolved.filter((name) => text.includes(`[[${name}]]`))
  const fill = (filled: string, left: readonly string[] = []) => {
    updateDraft({ text: filled, unresolved: left })
    replyRef.current?.focus()
  }
  const reply = useMutation({
    mutationFn: (confirm: boolean) =>
      inboxRequests.reply(view!.item.id, { text, openedAt: view!.openedAt, confirm }),
    onSuccess: (sent) => {
      // Cleared by item: the reply may land after the operator moved on to another one.
      clearReplyDraft(sent.itemId)
      updateDraft({ text: '', unresolved: [] })
      setCollision(null)
      notifySuccess(sent.status === 'pending' ? t('inbox.reply.pending') : t('inbox.reply.sent'))
      refresh()
    },
    onError: (error) => {
      if (error instanceof ApiError && error.key === 'inbox.replied_since_opened')
        setCollision(describeApiError(error, locale, t).banner)
      // The platform refused or did not answer, or the account could not be used (the refusal names the reply it
      // was kept as): the reply is in the thread (gagal / belum pasti, with its retry), so the box empties rather
      // than invite a second copy.
      if (
        error instanceof ApiError &&
        (error.key.startsWith('inbox.reply_failed_') || error.params?.replyId !== undefined)
      ) {
        if (view) clearReplyDraft(view.item.id)
        updateDraft({ text: '', unresolved: [] })
        refresh()
      }
    },
  })
  const addNote = useMutation({
    mutationFn: () => inboxRequests.note(view!.item.id, note),
    onSuccess: () => {
      setNote('')
      refresh()
    },
  })
  const moderate = useMutation({
    mutationFn: (action: 'hide' | 'delete') =>
      action === 'hide' ? inboxRequests.hide(view!.item.id) : inboxRequests.remove(view!.item.id),
    onSuccess: refresh,
  })
  const decide = useMutation({
    mutationFn: (decision: { id: string; approve: boolean }) =>
      decision.approve ? inboxRequests.approve(decision.id) : inboxRequests.reject(decision.id),
    onSuccess: refresh,
    // A failed send after approval is stored as failed: the thread shows it with its retry.
    onError: refresh,
  })
  const retry = useMutation({
    mutationFn: (request: { id: string; checked: boolean }) =>
      inboxRequests.retry(request.id, request.checked ? { checked: true } : {}),
    onSuccess: (sent) => {
      notifySuccess(sent.status === 'sent' ? t('inbox.reply.sent') : t('inbox.reply.retried'))
      refresh()
    },
    onError: refresh,
  })

  if (query.isPending)
    return (
      <Paper withBorder p="lg" radius="md">
        <Loader size="sm" />
      </Paper>
    )
  if (!view)
    return (
      <Paper withBorder p="lg" radius="md">
        {onBack ? <BackButton onBack={onBack} /> : null}
        <ErrorBanner error={query.error} />
      </Paper>
    )

  const capabilities = view.capabilities
  const length = capabilities ? countText(text, capabilities.textCounting as TextCounting) : text.length
  const tooLong = capabilities ? length > capabilities.maxTextLength : false
  const send = (confirm: boolean) => {
    if (text.trim().length === 0 || tooLong || unfilled) return
    reply.mutate(confirm)
  }
  const groups = groupThread(view)
  const handleOf = (author: { handle: string } | null) =>
    author ? `@${author.handle}` : t('inbox.thread.unknown')
  const renderEntry = (entry: ThreadEntry) =>
    entry.kind === 'item' ? (
      <Entry
        key={`i${entry.item.id}`}
        ref={entry.item.id === view.item.id ? openedRef : undefined}
        who={`@${entry.item.author.handle}`}
        at={entry.at}
        tone="citizen"
        opened={entry.item.id === view.item.id}
      >
        <Text
          size="sm"
          fw={entry.item.id === view.item.id ? 600 : undefined}
          td={entry.item.deletedAt ? 'line-through' : undefined}
        >
          {entry.item.body}
        </Text>
        {entry.item.hiddenAt ? (
          <Text size="xs" c="dimmed">
            {t('inbox.hidden')}
          </Text>
        ) : null}
      </Entry>
    ) : entry.kind === 'reply' ? (
      <Entry
        key={`r${entry.reply.id}`}
        who={`${entry.reply.author.name ?? t('inbox.us')} → ${handleOf(entry.to?.author ?? null)}`}
        at={entry.at}
        tone="us"
      >
        <Text size="sm">{entry.reply.body}</Text>
        <ReplyState
          reply={entry.reply}
          canApprove={view.actions.approve}
          canRetry={view.actions.reply && !closed}
          busy={
            (decide.isPending && decide.variables.id === entry.reply.id) ||
            (retry.isPending && retry.variables.id === entry.reply.id)
          }
          onDecide={(approve) => decide.mutate({ id: entry.reply.id, approve })}
          onRetry={(checked) => retry.mutate({ id: entry.reply.id, checked })}
        />
      </Entry>
    ) : (
      <Entry
        key={`n${entry.note.id}`}
        who={`${entry.note.author.name ?? ''} · ${t(entry.note.kind === 'handover' ? 'inbox.note.handover' : 'inbox.note.internal')}`}
        at={entry.at}
        tone="note"
      >
        <Text size="sm">{entry.note.body}</Text>
      </Entry>
    )

  const closed = view.item.status === 'closed'

  return (
    <Paper withBorder p="sm" radius="md" data-testid="inbox-thread">
      <Stack gap="sm">
        {onBack ? <BackButton onBack={onBack} /> : null}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {view.item.author.name ?? view.item.author.handle}
          </Title>
          <Group gap={6} wrap="wrap">
            {view.actions.work ? (
              <>
                <Button size="compact-sm" variant="default" onClick={() => setAssignOpen(true)}>
                  {t('inbox.assign.open')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={closing}
                  onClick={() => onToggleClosed(view)}
                >
                  {closed ? t('inbox.reopen') : t('inbox.close')}
                </Button>
              </>
            ) : null}
            {view.actions.hide ? (
              <Button
                size="compact-sm"
                variant="default"
                color="orange"
                onClick={() => moderate.mutate('hide')}
              >
                {t('inbox.hide')}
              </Button>
            ) : null}
            {view.actions.delete ? (
              <Button
                size="compact-sm"
                variant="default"
                color="red"
                onClick={() => {
                  if (window.confirm(t('inbox.deleteConfirm'))) moderate.mutate('delete')
                }}
              >
                {t('inbox.delete')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {view.others.length > 0 ? (
          <Alert color="orange" variant="light" p="xs" data-testid="inbox-presence">
            {view.others
              .map((other) =>
                other.typing
                  ? t('inbox.presence.typing', { name: other.name })
                  : t('inbox.presence.viewing', { name: other.name }),
              )
              .join(' · ')}
          </Alert>
        ) : null}
        <HandoffStatus view={view} />
        <ErrorBanner error={moderate.error ?? decide.error ?? retry.error} />
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap="sm" data-testid="inbox-timeline">
            <Stack
              gap={6}
              data-testid="inbox-group-opened"
              aria-label={t('inbox.thread.with', { who: handleOf(groups.opened.author) })}
            >
              {groups.opened.entries.map(renderEntry)}
            </Stack>
            {groups.others.length > 0 ? (
              <Stack gap={6}>
                {/* A link-like button: its label wraps on a phone instead of widening the thread. */}
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={600}
                  ta="left"
                  aria-expanded={showOthers}
                  onClick={() => setShowOthers((shown) => !shown)}
                  data-testid="inbox-others-toggle"
                >
                  {t(showOthers ? 'inbox.thread.hideOthers' : 'inbox.thread.showOthers', {
                    count: groups.others.length,
                  })}
                </Anchor>
                {showOthers
                  ? groups.others.map((group) => (
                      <Stack
                        key={group.authorId ?? 'unknown'}
                        gap={6}
                        data-testid="inbox-group-other"
                        pl="xs"
                        style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
                        aria-label={t('inbox.thread.with', { who: handleOf(group.author) })}
                      >
                        {group.entries.map(renderEntry)}
                      </Stack>
                    ))
                  : null}
              </Stack>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
        {view.actions.reply ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              send(false)
            }}
          >
            <Stack gap={4}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Box style={{ flex: '1 1 14rem' }}>
                  <SavedReplyPicker itemId={view.item.id} onText={fill} />
                </Box>
                {view.claim ? <ClarificationButton itemId={view.item.id} onText={fill} /> : null}
              </Group>
              <Textarea
                ref={replyRef}
                label={t('inbox.reply.labelTo', { who: handleOf(view.item.author) })}
                placeholder={t('inbox.reply.placeholder')}
                // A fixed height: an autosized box whose wrapping follows the page's scrollbar can keep resizing.
                rows={4}
                resize="vertical"
                value={text}
                onChange={(event) => updateDraft({ text: event.currentTarget.value })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                    event.preventDefault()
                    send(false)
                  }
                }}
                error={unfilled}
                aria-describedby={unfilled ? 'inbox-reply-unfilled' : undefined}
                data-testid="inbox-reply"
              />
              {unfilled ? (
                <Text size="xs" c="red.9" id="inbox-reply-unfilled" data-testid="inbox-reply-unfilled">
                  {leftOver.length > 0
                    ? t('inbox.savedReply.unfilledNamed', {
                        names: leftOver.map((name) => `[[${name}]]`).join(', '),
                      })
                    : t('inbox.savedReply.unfilled')}
                </Text>
              ) : null}
              <Group justify="space-between" gap="xs">
                {capabilities ? (
                  <Text size="xs" c={tooLong ? 'red.9' : 'dimmed'} data-testid="inbox-reply-counter">
                    {t(COUNTER_KEYS[capabilities.textCounting as TextCounting], {
                      length,
                      limit: capabilities.maxTextLength,
                    })}
                  </Text>
                ) : (
                  <span />
                )}
                <Button
                  type="submit"
                  size="xs"
                  disabled={text.trim().length === 0 || tooLong || unfilled}
                  loading={reply.isPending}
                >
                  {t('inbox.reply.send')}
                </Button>
              </Group>
              {collision ? (
                <Alert color="orange" data-testid="inbox-collision">
                  <Stack gap={6}>
                    <Text size="sm">{collision}</Text>
                    <Group gap="xs">
                      <Button size="xs" color="orange" onClick={() => send(true)}>
                        {t('inbox.reply.sendAnyway')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setCollision(null)}>
                        {t('common.cancel')}
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              ) : (
                <ErrorBanner error={reply.error} />
              )}
            </Stack>
          </form>
        ) : view.actions.work && !capabilities?.reply ? (
          <Text size="sm" c="dimmed">
            {t('inbox.reply.notSupported', { platform: platformLabel(view.item.platform) })}
          </Text>
        ) : null}
        {view.actions.work ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              if (note.trim()) addNote.mutate()
            }}
          >
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                label={t('inbox.note.label')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Button type="submit" size="xs" variant="default" loading={addNote.isPending}>
                {t('inbox.note.add')}
              </Button>
            </Group>
            <ErrorBanner error={addNote.error} />
          </form>
        ) : null}
      </Stack>
      <AssignDialog view={view} opened={assignOpen} onClose={() => setAssignOpen(false)} />
    </Paper>
  )
}

function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useI18n()
  return (
    <Button variant="subtle" size="compact-sm" onClick={onBack} style={{ alignSelf: 'flex-start' }}>
      ← {t('inbox.back')}
    </Button>
  )
}

function AssignDialog({
  view,
  opened,
  onClose,
}: {
  view: InboxThread
  opened: boolean
  onClose: () => void
}) {
  const { t } = useI18n()
  const { me } = useSession()
  const queryClient = useQueryClient()
  const units = useUnits()
  const [who, setWho] = useState<'keep' | 'me' | 'nobody'>('me')
  const [unitId, setUnitId] = useState('')
  const [note, setNote] = useState('')
  const replyPaths = me.grants
    .filter((grant) => isRole(grant.role) && PERMISSIONS[grant.role].has('inbox.reply'))
    .map((grant) => grant.unitPath)
  const unitOptions = units.options.filter(({ unit }) =>
    replyPaths.some((path) => unit.path.startsWith(path)),
  )
  const assign = useMutation({
    mutationFn: () =>
      inboxRequests.assign(view.item.id, {
        ...(who === 'me' ? { userId: me.user.id } : who === 'nobody' ? { userId: null } : {}),
        ...(unitId && unitId !== view.item.unitId ? { unitId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => {
      notifySuccess(t('inbox.assign.done'))
      setNote('')
      onClose()
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all })
    },
  })
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.assign.title')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          assign.mutate()
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('inbox.assign.who')}
            value={who}
            onChange={(event) => setWho(event.currentTarget.value as typeof who)}
            data={[
              { value: 'me', label: t('inbox.assign.me') },
              { value: 'nobody', label: t('inbox.assign.nobody') },
              { value: 'keep', label: t('inbox.assign.keep', { name: view.assignee?.name ?? '—' }) },
            ]}
            data-autofocus
          />
          <UnitSelect
            label={t('inbox.assign.unit')}
            options={unitOptions}
            emptyLabel={t('inbox.assign.sameUnit', { unit: view.unit?.name ?? '' })}
            value={unitId}
            onChange={(event) => setUnitId(event.currentTarget.value)}
          />
          <Textarea
            label={t('inbox.assign.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <ErrorBanner error={assign.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={assign.isPending}>
              {t('inbox.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** A classifier label in words, or the label itself when this build does not know it. */
function intentLabel(t: Translate, value: string): string {
  const known = INBOX_INTENTS.find((intent) => intent === value)
  return known ? t(`inbox.intent.${known}`) : value
}

function sentimentLabel(t: Translate, value: string): string {
  const known = INBOX_SENTIMENTS.find((sentiment) => sentiment === value)
  return known ? t(`inbox.sentiment.${known}`) : value
}

function ContextPane({ view, now }: { view: InboxThread; now: number }) {
  const { t, locale } = useI18n()
  const item = view.item
  const row = (label: string, value: ReactNode) => (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Box ta="right">{typeof value === 'string' ? <Text size="sm">{value}</Text> : value}</Box>
    </Group>
  )
  return (
    <Paper withBorder p="sm" radius="md" data-testid="inbox-context">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('inbox.context.title')}
        </Title>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Text size="xs" c="dimmed">
            {t('inbox.context.deadline')}
          </Text>
          <SlaBadge item={item} now={now} />
        </Group>
        {row(
          t('inbox.context.account'),
          view.account ? `${platformLabel(view.account.platform)} · ${view.account.handle}` : '—',
        )}
        {row(t('inbox.context.unit'), view.unit?.name ?? '—')}
        {row(t('inbox.context.assignee'), view.assignee?.name ?? t('inbox.filter.unassigned'))}
        {row(t('inbox.context.status'), t(`inbox.status.${item.status}`))}
        {row(
          t('inbox.context.intent'),
          item.intent ? intentLabel(t, item.intent) : t('inbox.context.unclassified'),
        )}
        {row(t('inbox.context.sentiment'), item.sentiment ? sentimentLabel(t, item.sentiment) : '—')}
        {item.abusive || item.hateSpeech ? (
          <Badge color="red" variant="light">
            {item.hateSpeech ? t('inbox.context.hate') : t('inbox.context.abusive')}
          </Badge>
        ) : null}
        {view.claim ? (
          <Alert color="red" variant="light" title={t('inbox.context.hoax')} data-testid="inbox-claim">
            <Text size="sm" fw={600}>
              {view.claim.claim}
            </Text>
            <Text size="sm">{view.claim.facts}</Text>
          </Alert>
        ) : null}
        <HoaxFeedbackBlock key={`hoax-${item.id}`} itemId={item.id} />
        <HandOff key={item.id} view={view} />
        {item.labels.length > 0 ? (
          <Group gap={4}>
            {item.labels.map((label) => (
              <Badge key={label} size="xs" variant="outline">
                {label}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Title order={3} size="h6" mt="xs">
          {t('inbox.context.history', { handle: item.author.handle })}
        </Title>
        {view.history.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('inbox.context.noHistory')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="inbox-history">
            {view.history.map((other) => (
              <Box key={other.id}>
                <Text size="xs" c="dimmed">
                  {formatDate(other.createdAt, locale, 'shortDatetime')} · {other.accountHandle ?? ''} ·{' '}
                  {t(`inbox.status.${other.status}`)}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {other.body}
                </Text>
              </Box>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
