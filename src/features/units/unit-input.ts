// Validation of what an admin may type for a unit, with messages that say what to fix.
import { AppError, problem } from '../app-error.ts'
import type { UnitRecord } from '../../db/units-repository.ts'

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,29}$/
/** Placeholders the naming patterns fill from the instansi and the unit itself, so no attribute may shadow them. */
const RESERVED_ATTRIBUTES = new Set(['instansi', 'unit'])
const MAX_ATTRIBUTES = 20
const MAX_ATTRIBUTE_VALUE = 100

export function checkUnitCode(code: string): string {
  const trimmed = code.trim()
  if (!CODE.test(trimmed)) {
    throw new AppError('invalid_input', 'units.code_invalid', undefined, {
      code: problem('units.code_invalid_field'),
    })
  }
  return trimmed
}

export const MAX_UNIT_CONTACT = 500

/** How citizens reach the unit: free text (phone, WhatsApp, e-mail, hours), trimmed; '' clears it. */
export function checkUnitContact(contact: string): string {
  const trimmed = contact.trim()
  if (trimmed.length > MAX_UNIT_CONTACT)
    throw new AppError(
      'invalid_input',
      'units.contact_too_long',
      { maximum: MAX_UNIT_CONTACT },
      {
        contact: problem('validation.too_long', { maximum: MAX_UNIT_CONTACT }),
      },
    )
  return trimmed
}

export function checkUnitName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new AppError('invalid_input', 'units.name_invalid', undefined, {
      name: problem('units.name_required'),
    })
  }
  return trimmed
}

export function checkUnitAttributes(attributes: Record<string, string>): Record<string, string> {
  const entries = Object.entries(attributes)
  if (entries.length > MAX_ATTRIBUTES)
    throw new AppError(
      'invalid_input',
      'units.too_many_attributes',
      { maximum: MAX_ATTRIBUTES },
      { attributes: problem('units.too_many_attributes_field') },
    )
  const clean: Record<string, string> = {}
  for (const [key, value] of entries) {
    if (!ATTRIBUTE_KEY.test(key) || RESERVED_ATTRIBUTES.has(key)) {
      throw new AppError(
        'invalid_input',
        'units.attribute_name_invalid',
        { key },
        { [`attributes.${key}`]: problem('units.attribute_name_invalid_field') },
      )
    }
    const trimmed = value.trim()
    if (trimmed.length > MAX_ATTRIBUTE_VALUE)
      throw new AppError(
        'invalid_input',
        'units.attribute_value_too_long',
        { key, maximum: MAX_ATTRIBUTE_VALUE },
        { [`attributes.${key}`]: problem('validation.too_long', { maximum: MAX_ATTRIBUTE_VALUE }) },
      )
    if (trimmed !== '') clean[key] = trimmed
  }
  return clean
}

export interface UnitView {
  id: string
  parentId: string | null
  path: string
  code: string
  name: string
  kind: string
  contact: string
  depth: number
  archivedAt: string | null
  attributes: Record<string, string>
  createdAt: string
  updatedAt: string
}

export function toUnitView(unit: UnitRecord): UnitView {
  return {
    id: unit.id,
    parentId: unit.parentId,
    path: unit.path,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    contact: unit.contact,
    depth: unit.path.split('/').filter(Boolean).length - 1,
    archivedAt: unit.archivedAt?.toISOString() ?? null,
    attributes: unit.attributes,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  }
}

/** The audit snapshot of a unit: the fields a person changes. */
export function unitSnapshot(
  unit: Pick<UnitRecord, 'code' | 'name' | 'kind' | 'parentId' | 'path' | 'archivedAt' | 'attributes'> & {
    contact?: string | undefined
  },
): Record<string, unknown> {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    ...(unit.contact !== undefined ? { contact: unit.contact } : {}),
    parentId: unit.parentId,
    path: unit.path,
    archivedAt: unit.archivedAt,
    attributes: unit.attributes,
  }
}
