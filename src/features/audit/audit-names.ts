// Names for what audit entries mention: which ids a page of entries refers to (the object, the actor, and ids
// inside before/after such as unitId or penanggungJawabUserId), and the index of their current names that
// db/audit-repository.ts resolves in one query per page. Pure.
import type { AuditName, AuditNameKind, AuditNameRefs } from '../../db/audit-repository.ts'

const OBJECT_KINDS: Readonly<Record<string, AuditNameKind>> = {
  unit: 'unit',
  user: 'user',
  account: 'account',
  role_grant: 'role_grant',
  session: 'session',
  api_token: 'api_token',
  instansi: 'instansi',
}

/** The kind of row a field of a snapshot refers to, by its name. */
export function referenceKindOf(field: string): 'unit' | 'user' | 'account' | null {
  if (field === 'unitId' || field === 'parentId') return 'unit'
  if (field === 'userId' || field.endsWith('UserId')) return 'user'
  if (field === 'accountId') return 'account'
  return null
}

const REF_KEY: Readonly<Record<AuditNameKind, keyof AuditNameRefs>> = {
  unit: 'units',
  user: 'users',
  account: 'accounts',
  role_grant: 'roleGrants',
  session: 'sessions',
  api_token: 'apiTokens',
  instansi: 'instansi',
}

// Bounds on the walk through a snapshot, so a huge one cannot make the page slow.
const MAX_DEPTH = 3
const MAX_ITEMS = 50

export interface NameSource {
  objectType: string
  objectId: string | null
  actorUserId: string | null
  before: unknown
  after: unknown
}

export function collectNameRefs(entries: readonly NameSource[]): AuditNameRefs {
  const sets: Record<keyof AuditNameRefs, Set<string>> = {
    units: new Set(),
    users: new Set(),
    accounts: new Set(),
    roleGrants: new Set(),
    sessions: new Set(),
    apiTokens: new Set(),
    instansi: new Set(),
  }
  const walk = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_ITEMS)) walk(item, depth + 1)
      return
    }
    for (const [field, inner] of Object.entries(value as Record<string, unknown>)) {
      const kind = referenceKindOf(field)
      if (kind && typeof inner === 'string') sets[REF_KEY[kind]].add(inner)
      else if (field === 'path' && typeof inner === 'string')
        // A unit's materialised path names every unit above it.
        for (const id of inner.split('/').filter(Boolean)) sets.units.add(id)
      else walk(inner, depth + 1)
    }
  }
  for (const entry of entries) {
    const kind = OBJECT_KINDS[entry.objectType]
    if (kind && entry.objectId) sets[REF_KEY[kind]].add(entry.objectId)
    if (entry.actorUserId) sets.users.add(entry.actorUserId)
    walk(entry.before, 0)
    walk(entry.after, 0)
  }
  return {
    units: [...sets.units],
    users: [...sets.users],
    accounts: [...sets.accounts],
    roleGrants: [...sets.roleGrants],
    sessions: [...sets.sessions],
    apiTokens: [...sets.apiTokens],
    instansi: [...sets.instansi],
  }
}

/** Current names by kind and id. */
export class NameIndex {
  private readonly byKey = new Map<string, AuditName>()

  constructor(names: readonly AuditName[] = []) {
    for (const name of names) this.byKey.set(`${name.kind}:${name.id}`, name)
  }

  get(kind: AuditNameKind, id: string): AuditName | undefined {
    return this.byKey.get(`${kind}:${id}`)
  }

  static kindOfObject(objectType: string): AuditNameKind | undefined {
    return OBJECT_KINDS[objectType]
  }
}
