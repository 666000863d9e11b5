// The unit tree: create a unit under a parent, rename it, move it elsewhere, archive (after confirming) or
// restore it. The tree is a table in tree order (indented names, the parent in its own column).
import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  SimpleGrid,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { DEFAULT_UNIT_KIND, unitKindLabel } from '../../../../src/shared/unit-kinds.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { attributesToText, textToAttributes } from './unit-attributes.ts'
import { UnitKindField } from './unit-kind-field.tsx'
import { UnitSelect } from './unit-select.tsx'
import type { UnitOption } from './unit-tree.ts'
import { unitRequests, useUnitChange, useUnits } from './units-queries.ts'
import type { Unit } from './units-types.ts'

function CreateUnitForm({ options }: { options: readonly UnitOption[] }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [parentId, setParentId] = useState('')
  const [kind, setKind] = useState('')
  const [formKey, setFormKey] = useState(0)
  const create = useUnitChange(unitRequests.create)
  const error = useErrorText(create.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const created = name.trim()
    create.mutate(
      { name: created, code: code.trim(), parentId: parentId || options[0]?.unit.id, kind },
      {
        onSuccess: () => {
          notifySuccess(t('units.created', { name: created }))
          setName('')
          setCode('')
          setKind('')
          setFormKey((key) => key + 1)
        },
      },
    )
  }

  return (
    <Panel title={t('units.create')}>
      <ErrorText>{error.banner}</ErrorText>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={t('units.name')}
            name="name"
            value={name}
            required
            onChange={(event) => setName(event.currentTarget.value)}
            error={error.field('name')}
          />
          <TextInput
            label={t('units.code')}
            name="code"
            value={code}
            required
            description={t('units.codeHint')}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={error.field('code')}
          />
          <UnitSelect
            label={t('units.parent')}
            name="parentId"
            options={options}
            value={parentId}
            onChange={(event) => setParentId(event.currentTarget.value)}
            error={error.field('parentId')}
          />
          <UnitKindField key={formKey} value={kind} onChange={setKind} error={error.field('kind')} />
          <Group align="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('units.createSubmit')}
            </Button>
          </Group>
        </SimpleGrid>
      </form>
    </Panel>
  )
}

function EditUnitPanel({
  unit,
  options,
  onClose,
}: {
  unit: Unit
  options: readonly UnitOption[]
  onClose: () => void
}) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const [name, setName] = useState(unit.name)
  const [code, setCode] = useState(unit.code)
  const [kind, setKind] = useState(unit.kind ?? '')
  const [attributes, setAttributes] = useState(attributesToText(unit.attributes))
  const [contact, setContact] = useState(unit.contact ?? '')
  const [badLines, setBadLines] = useState<number[]>([])
  const [parentId, setParentId] = useState(unit.parentId ?? '')
  const [force, setForce] = useState(false)
  const update = useUnitChange(unitRequests.update)
  const move = useUnitChange(unitRequests.move)
  const archive = useUnitChange(unitRequests.archive)
  const unarchive = useUnitChange(unitRequests.unarchive)
  const failed = [update, move, archive, unarchive].find((mutation) => mutation.isError)
  const error = useErrorText(failed?.error)
  const resetAll = () => [update, move, archive, unarchive].forEach((mutation) => mutation.reset())

  const save = (event: FormEvent) => {
    event.preventDefault()
    const parsed = textToAttributes(attributes)
    setBadLines(parsed.badLines)
    if (parsed.badLines.length > 0) return
    resetAll()
    update.mutate(
      { id: unit.id, name: name.trim(), code: code.trim(), kind, contact, attributes: parsed.attributes },
      { onSuccess: () => notifySuccess(t('units.renamed')) },
    )
  }

  const archiveUnit = async () => {
    const confirmed = await confirm({
      title: t('units.archiveConfirmTitle', { name: unit.name }),
      message: force ? t('units.archiveConfirmForce') : t('units.archiveConfirm'),
      confirmLabel: t('units.archive'),
    })
    if (!confirmed) return
    resetAll()
    archive.mutate({ id: unit.id, force }, { onSuccess: () => notifySuccess(t('units.archivedDone')) })
  }

  // A unit cannot move under itself or below itself.
  const targets = options.filter(({ unit: candidate }) => !candidate.path.startsWith(unit.path))
  return (
    <Panel
      title={t('units.editTitle', { name: unit.name })}
      focusOnMount
      actions={
        <Button variant="default" size="compact-sm" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <ErrorText>{error.banner}</ErrorText>
      <form onSubmit={save} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={t('units.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error.field('name')}
            required
          />
          <TextInput
            label={t('units.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={error.field('code')}
            required
          />
          <UnitKindField value={kind} onChange={setKind} error={error.field('kind')} />
          <Textarea
            label={t('units.attributes')}
            description={t('units.attributesHint')}
            autosize
            minRows={2}
            value={attributes}
            onChange={(event) => setAttributes(event.currentTarget.value)}
            error={
              badLines.length > 0
                ? t('units.attributesBad', { lines: badLines.join(', ') })
                : error.field('attributes')
            }
          />
          <Textarea
            label={t('units.contact')}
            description={t('units.contactHint')}
            autosize
            minRows={2}
            maxLength={500}
            value={contact}
            onChange={(event) => setContact(event.currentTarget.value)}
            error={error.field('contact')}
          />
        </SimpleGrid>
        <Button type="submit" mt="sm" loading={update.isPending}>
          {t('units.rename')}
        </Button>
      </form>
      {unit.parentId ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            resetAll()
            move.mutate({ id: unit.id, parentId }, { onSuccess: () => notifySuccess(t('units.moved')) })
          }}
        >
          <Group align="flex-end" mt="lg" gap="sm" wrap="wrap">
            <UnitSelect
              label={t('units.newParent')}
              options={targets}
              value={parentId}
              onChange={(event) => setParentId(event.currentTarget.value)}
              error={error.field('parentId')}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" variant="default" loading={move.isPending}>
              {t('units.move')}
            </Button>
          </Group>
        </form>
      ) : null}
      {unit.archivedAt ? (
        <Button
          mt="lg"
          variant="default"
          loading={unarchive.isPending}
          onClick={() => {
            resetAll()
            unarchive.mutate({ id: unit.id }, { onSuccess: () => notifySuccess(t('units.restored')) })
          }}
        >
          {t('units.unarchive')}
        </Button>
      ) : unit.parentId ? (
        <Group mt="lg" gap="sm" align="center" wrap="wrap">
          <Checkbox
            label={t('units.archiveForce')}
            checked={force}
            onChange={(event) => setForce(event.currentTarget.checked)}
          />
          <Button
            color="red"
            variant="outline"
            loading={archive.isPending}
            onClick={() => void archiveUnit()}
          >
            {t('units.archive')}
          </Button>
        </Group>
      ) : null}
    </Panel>
  )
}

interface UnitRow {
  unit: Unit
  depth: number
  parentName: string | null
}

export function UnitsPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const [showArchived, setShowArchived] = useState(false)
  const loaded = useUnits(showArchived)
  const [selected, setSelected] = useState<string | null>(null)
  const canManage = can('unit.manage')
  const selectedUnit = loaded.units.find((unit) => unit.id === selected) ?? null
  const names = new Map(loaded.units.map((unit) => [unit.id, unit.name]))
  const rows: UnitRow[] = loaded.options.map(({ unit, depth }) => ({
    unit,
    depth,
    parentName: unit.parentId ? (names.get(unit.parentId) ?? null) : null,
  }))

  const columns: DataTableColumn<UnitRow>[] = [
    {
      key: 'name',
      header: t('units.name'),
      primary: true,
      sortValue: (row) => row.unit.name,
      // In the table the tree shows as indentation; a phone card names the parent instead.
      render: (row, layout) =>
        layout === 'table' ? (
          <Text span inherit pl={`${row.depth * 1.25}rem`} style={{ display: 'inline-block' }}>
            {row.depth > 0 ? (
              <Text span c="dimmed" aria-hidden="true">
                {'└ '}
              </Text>
            ) : null}
            {row.unit.name}
          </Text>
        ) : (
          row.unit.name
        ),
    },
    {
      key: 'code',
      header: t('units.code'),
      noWrap: true,
      sortValue: (row) => row.unit.code,
      render: (row) => <Code>{row.unit.code}</Code>,
    },
    {
      key: 'kind',
      header: t('units.kind'),
      sortValue: (row) => unitKindLabel(row.unit.kind ?? DEFAULT_UNIT_KIND, locale),
      render: (row) => unitKindLabel(row.unit.kind ?? DEFAULT_UNIT_KIND, locale),
    },
    {
      key: 'parent',
      header: t('units.parent'),
      sortValue: (row) => row.parentName,
      render: (row) => row.parentName ?? '—',
    },
    {
      key: 'attributes',
      header: t('units.attributes'),
      render: (row) => {
        const entries = Object.entries(row.unit.attributes ?? {})
        return entries.length > 0 ? entries.map(([name, value]) => `${name}=${value}`).join(', ') : '—'
      },
    },
    {
      key: 'status',
      header: t('units.status'),
      render: (row) =>
        row.unit.archivedAt ? (
          <Badge color="gray" variant="light">
            {t('units.archived')}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {t('units.active')}
          </Badge>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: (row: UnitRow) => (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setSelected(row.unit.id)}
                aria-pressed={selected === row.unit.id}
                aria-label={t('units.editUnit', { name: row.unit.name })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.intro')} />
      {canManage && loaded.options.length > 0 ? <CreateUnitForm options={loaded.options} /> : null}
      {selectedUnit && canManage ? (
        <EditUnitPanel
          key={`${selectedUnit.id}-${selectedUnit.name}-${selectedUnit.parentId}-${selectedUnit.archivedAt}`}
          unit={selectedUnit}
          options={loaded.options}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <Panel
        title={t('units.tree')}
        actions={
          <Switch
            label={t('units.showArchived')}
            checked={showArchived}
            onChange={(event) => setShowArchived(event.currentTarget.checked)}
          />
        }
      >
        <DataTable
          caption={t('units.tree')}
          columns={columns}
          rows={loaded.data ? rows : undefined}
          rowKey={(row) => row.unit.id}
          emptyText={t('units.empty')}
          loading={loaded.isPending}
          error={loaded.error}
          pageSize={50}
          testId="unit-tree"
        />
      </Panel>
    </>
  )
}
