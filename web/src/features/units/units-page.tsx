// The unit tree: create a unit under a parent, rename it, move it elsewhere, archive or restore it.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/field.tsx'
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { buildUnitTree, unitOptionLabel, type Unit, type UnitNode } from './unit-tree.ts'
import { attributesToText, textToAttributes } from './unit-attributes.ts'
import { useUnits } from './use-units.ts'

function TreeNode({
  node,
  selected,
  onSelect,
  canManage,
}: {
  node: UnitNode
  selected: string | null
  onSelect: (id: string) => void
  canManage: boolean
}) {
  const { t } = useI18n()
  return (
    <li>
      <div className={selected === node.id ? 'tree-row selected' : 'tree-row'}>
        <span className="tree-name">{node.name}</span> <code className="tree-code">{node.code}</code>
        {node.archivedAt ? <span className="badge muted-badge">{t('units.archived')}</span> : null}
        {canManage ? (
          <button
            type="button"
            className="button small"
            onClick={() => onSelect(node.id)}
            aria-pressed={selected === node.id}
            aria-label={t('units.editUnit', { name: node.name })}
          >
            {t('common.edit')}
          </button>
        ) : null}
      </div>
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((child) => (
            <TreeNode
              key={child.id}
              node={child}
              selected={selected}
              onSelect={onSelect}
              canManage={canManage}
            />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

function CreateUnitForm({
  options,
  onCreated,
}: {
  options: { unit: Unit; depth: number }[]
  onCreated: (message: string) => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [parentId, setParentId] = useState('')
  const { error, capture, clear, field } = useApiError()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    try {
      await api.post('/api/units', {
        name: name.trim(),
        code: code.trim(),
        parentId: parentId || options[0]?.unit.id,
      })
      onCreated(t('units.created', { name: name.trim() }))
      setName('')
      setCode('')
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel" aria-labelledby="unit-create">
      <h2 id="unit-create">{t('units.create')}</h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      <form onSubmit={(event) => void submit(event)} noValidate className="inline-form">
        <TextField
          label={t('units.name')}
          name="name"
          value={name}
          required
          onChange={(event) => setName(event.target.value)}
          error={field('name')}
        />
        <TextField
          label={t('units.code')}
          name="code"
          value={code}
          required
          hint={t('units.codeHint')}
          onChange={(event) => setCode(event.target.value)}
          error={field('code')}
        />
        <SelectField
          label={t('units.parent')}
          name="parentId"
          value={parentId}
          onChange={(event) => setParentId(event.target.value)}
          error={field('parentId')}
        >
          {options
            .filter(({ unit }) => !unit.archivedAt)
            .map(({ unit, depth }) => (
              <option key={unit.id} value={unit.id}>
                {unitOptionLabel(unit, depth)}
              </option>
            ))}
        </SelectField>
        <button type="submit" className="button primary">
          {t('units.createSubmit')}
        </button>
      </form>
    </section>
  )
}

function EditUnitPanel({
  unit,
  options,
  onChanged,
  onClose,
}: {
  unit: Unit
  options: { unit: Unit; depth: number }[]
  onChanged: (message: string) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState(unit.name)
  const [code, setCode] = useState(unit.code)
  const [attributes, setAttributes] = useState(attributesToText(unit.attributes))
  const [attributeError, setAttributeError] = useState<string | undefined>()
  const [parentId, setParentId] = useState(unit.parentId ?? '')
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const [force, setForce] = useState(false)
  const { error, capture, clear, field } = useApiError()

  const run = async (action: () => Promise<unknown>, message: string) => {
    clear()
    try {
      await action()
      onChanged(message)
    } catch (caught) {
      capture(caught)
    }
  }

  // A unit cannot move under itself or below itself.
  const targets = options.filter(
    ({ unit: candidate }) => !candidate.path.startsWith(unit.path) && !candidate.archivedAt,
  )
  return (
    <section className="panel edit-panel" aria-labelledby="unit-edit">
      <div className="panel-head">
        <h2 id="unit-edit" ref={headingRef} tabIndex={-1}>
          {t('units.editTitle', { name: unit.name })}
        </h2>
        <button type="button" className="button subtle" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorAlert>{error.message}</ErrorAlert>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const parsed = textToAttributes(attributes)
          if (parsed.badLines.length > 0) {
            setAttributeError(t('units.attributesBad', { lines: parsed.badLines.join(', ') }))
            return
          }
          setAttributeError(undefined)
          void run(
            () =>
              api.patch(`/api/units/${unit.id}`, {
                name: name.trim(),
                code: code.trim(),
                attributes: parsed.attributes,
              }),
            t('units.renamed'),
          )
        }}
      >
        <TextField
          label={t('units.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={field('name')}
          required
        />
        <TextField
          label={t('units.code')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={field('code')}
          required
        />
        <TextAreaField
          label={t('units.attributes')}
          hint={t('units.attributesHint')}
          rows={2}
          value={attributes}
          onChange={(event) => setAttributes(event.target.value)}
          error={attributeError ?? field('attributes')}
        />
        <button type="submit" className="button">
          {t('units.rename')}
        </button>
      </form>
      {unit.parentId ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void run(() => api.post(`/api/units/${unit.id}/move`, { parentId }), t('units.moved'))
          }}
        >
          <SelectField
            label={t('units.newParent')}
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
            error={field('parentId')}
          >
            {targets.map(({ unit: candidate, depth }) => (
              <option key={candidate.id} value={candidate.id}>
                {unitOptionLabel(candidate, depth)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t('units.move')}
          </button>
        </form>
      ) : null}
      {unit.archivedAt ? (
        <button
          type="button"
          className="button"
          onClick={() => void run(() => api.post(`/api/units/${unit.id}/unarchive`), t('units.restored'))}
        >
          {t('units.unarchive')}
        </button>
      ) : unit.parentId ? (
        <div className="button-row">
          <CheckboxField
            label={t('units.archiveForce')}
            checked={force}
            onChange={(event) => setForce(event.target.checked)}
          />
          <button
            type="button"
            className="button danger"
            onClick={() =>
              void run(() => api.post(`/api/units/${unit.id}/archive`, { force }), t('units.archivedDone'))
            }
          >
            {t('units.archive')}
          </button>
        </div>
      ) : null}
    </section>
  )
}

export function UnitsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const [showArchived, setShowArchived] = useState(false)
  const loaded = useUnits(showArchived)
  const [selected, setSelected] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const canManage = can('unit.manage')
  const tree = buildUnitTree(loaded.units)
  const selectedUnit = loaded.units.find((unit) => unit.id === selected) ?? null

  const changed = (message: string) => {
    setNotice(message)
    loaded.reload()
  }

  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.intro')} />
      {notice ? <Notice>{notice}</Notice> : null}
      {canManage && loaded.options.length > 0 ? (
        <CreateUnitForm options={loaded.options} onCreated={changed} />
      ) : null}
      {selectedUnit ? (
        <EditUnitPanel
          key={`${selectedUnit.id}-${selectedUnit.name}-${selectedUnit.parentId}-${selectedUnit.archivedAt}`}
          unit={selectedUnit}
          options={loaded.options}
          onChanged={changed}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <section className="panel" aria-labelledby="unit-tree">
        <div className="panel-head">
          <h2 id="unit-tree">{t('units.tree')}</h2>
          <CheckboxField
            label={t('units.showArchived')}
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />
        </div>
        <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} />
        <ul className="tree" data-testid="unit-tree">
          {tree.map((node) => (
            <TreeNode
              key={node.id}
              node={node}
              selected={selected}
              onSelect={setSelected}
              canManage={canManage}
            />
          ))}
        </ul>
      </section>
    </>
  )
}
