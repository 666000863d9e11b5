import { describe, expect, it } from 'vitest'
import type { AuditName } from '../../db/audit-repository.ts'
import { collectNameRefs, NameIndex } from './audit-names.ts'
import { actionLabel, describeChanges, objectLabelOf, objectTypeLabel } from './describe-entry.ts'

const UNIT = '0b6b1a52-4a53-4f5c-9a38-6a1f0f2f0001'
const OTHER_UNIT = '0b6b1a52-4a53-4f5c-9a38-6a1f0f2f0002'
const BUDI = '0b6b1a52-4a53-4f5c-9a38-6a1f0f2f0003'
const SARI = '0b6b1a52-4a53-4f5c-9a38-6a1f0f2f0004'
const ACCOUNT = '0b6b1a52-4a53-4f5c-9a38-6a1f0f2f0005'

const names = new NameIndex([
  { kind: 'unit', id: UNIT, name: 'Biro Humas', detail: 'BH', extra: null },
  { kind: 'unit', id: OTHER_UNIT, name: 'Dinas Kominfo', detail: 'DK', extra: null },
  { kind: 'user', id: BUDI, name: 'Budi Santoso', detail: 'budi@kota.go.id', extra: null },
  { kind: 'user', id: SARI, name: 'Sari Dewi', detail: 'sari@kota.go.id', extra: null },
  { kind: 'account', id: ACCOUNT, name: 'humaskota', detail: 'instagram', extra: null },
] satisfies AuditName[])

const entry = (fields: Partial<Parameters<typeof objectLabelOf>[0]>) => ({
  action: 'unit.update',
  actorLabel: 'admin@kota.go.id',
  objectType: 'unit',
  objectId: null,
  before: null,
  after: null,
  ...fields,
})

describe('audit entries in words', () => {
  it('labels actions and object types in both languages, and shows an unknown code as it is', () => {
    expect(actionLabel('account.create', 'id')).toBe('Akun resmi didaftarkan')
    expect(actionLabel('account.create', 'en')).toBe('Official account registered')
    expect(objectTypeLabel('calendar_day', 'id')).toBe('Hari kalender')
    expect(actionLabel('plugin.something', 'id')).toBe('plugin.something')
  })

  it('names the object by its current row, else by the names in its own snapshot', () => {
    expect(objectLabelOf(entry({ objectId: ACCOUNT, objectType: 'account' }), names, 'id')).toEqual({
      label: '@humaskota (Instagram)',
      source: 'current',
    })
    expect(objectLabelOf(entry({ objectId: UNIT }), names, 'id')).toEqual({
      label: 'Biro Humas (BH)',
      source: 'current',
    })
    // A deleted account: only the entry's before snapshot still knows its handle.
    const deleted = entry({
      action: 'account.delete',
      objectType: 'account',
      objectId: '0b6b1a52-4a53-4f5c-9a38-6a1f0f2f0099',
      before: { handle: 'humas_lama', platform: 'x' },
    })
    expect(objectLabelOf(deleted, names, 'id')).toEqual({ label: '@humas_lama (X)', source: 'entry' })
    const user = entry({ objectType: 'user', objectId: 'gone', after: { email: 'a@b.go.id', name: 'Ani' } })
    expect(objectLabelOf(user, names, 'en').label).toBe('Ani (a@b.go.id)')
  })

  it('names a hoax claim by its words, shortened to one line', () => {
    const claim = entry({
      objectType: 'hoax_claim',
      objectId: 'c1',
      action: 'hoax_claim.archive',
      after: { claim: 'Vaksin campak mengandung chip pelacak 5G', status: 'archived' },
    })
    expect(objectLabelOf(claim, names, 'id')).toEqual({
      label: 'Vaksin campak mengandung chip pelacak 5G',
      source: 'entry',
    })
    const long = objectLabelOf({ ...claim, after: { claim: 'kata '.repeat(40) } }, names, 'id').label!
    expect(long).toHaveLength(80)
    expect(long.endsWith('…')).toBe(true)
    expect(actionLabel('hoax_claim.archive', 'id')).toBe('Klaim hoaks diarsipkan')
  })

  it("names an agenda item and its tasks by the narrative's title", () => {
    const task = entry({
      objectType: 'agenda_task',
      objectId: 't1',
      action: 'agenda_task.start',
      after: { title: 'Gerakan imunisasi campak', mode: 'adapt' },
    })
    expect(objectLabelOf(task, names, 'id')).toEqual({ label: 'Gerakan imunisasi campak', source: 'entry' })
    expect(actionLabel('agenda_task.start', 'en')).toBe('Amplification task started')
  })

  it('names a calendar day by its date and name, a role by role and unit, a session by its owner', () => {
    const day = entry({
      objectType: 'calendar_day',
      objectId: '2026-07-01',
      after: { date: '2026-07-01', kind: 'regional_holiday', name: 'Hari Jadi Kota' },
    })
    expect(objectLabelOf(day, names, 'id').label).toBe('1 Juli 2026 (Hari Jadi Kota)')
    expect(objectLabelOf({ ...day, after: null }, names, 'en').label).toBe('1 July 2026')
    const grant = entry({
      objectType: 'role_grant',
      objectId: 'revoked',
      before: { unitId: UNIT, unitCode: 'BH', role: 'pengelola' },
    })
    expect(objectLabelOf(grant, names, 'id').label).toBe('Pengelola di Biro Humas')
    const login = entry({ action: 'auth.login', objectType: 'session', objectId: 'ended' })
    expect(objectLabelOf(login, names, 'id').label).toBe('Sesi admin@kota.go.id')
  })

  it('lists only the changed fields with readable values', () => {
    const { changes, truncated } = describeChanges(
      {
        handle: 'humaskota',
        penanggungJawabUserId: BUDI,
        platformTwoFactor: false,
        credentialRotatedOn: null,
        status: 'active',
        unitId: UNIT,
      },
      {
        handle: 'humaskota',
        penanggungJawabUserId: SARI,
        platformTwoFactor: true,
        credentialRotatedOn: '2026-03-13',
        status: 'dormant',
        unitId: OTHER_UNIT,
      },
      { locale: 'id', names },
    )
    expect(truncated).toBe(false)
    expect(changes).toEqual([
      {
        field: 'penanggungJawabUserId',
        fieldLabel: 'Penanggung jawab',
        before: 'Budi Santoso (budi@kota.go.id)',
        after: 'Sari Dewi (sari@kota.go.id)',
      },
      {
        field: 'platformTwoFactor',
        fieldLabel: 'Verifikasi dua langkah platform',
        before: 'Tidak',
        after: 'Ya',
      },
      {
        field: 'credentialRotatedOn',
        fieldLabel: 'Kata sandi terakhir diganti',
        before: null,
        after: '13 Maret 2026',
      },
      { field: 'status', fieldLabel: 'Status', before: 'Aktif', after: 'Tidak aktif (dormant)' },
      { field: 'unitId', fieldLabel: 'Unit kerja', before: 'Biro Humas (BH)', after: 'Dinas Kominfo (DK)' },
    ])
  })

  it('summarises a list such as the pengelola, and nested attributes as their own fields', () => {
    const pengelola = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        userId: index % 2 === 0 ? BUDI : SARI,
        suratTugasNumber: `800/${index + 1}`,
        suratTugasDate: '2026-01-05',
      }))
    const { changes } = describeChanges(
      { pengelola: pengelola(1), attributes: { kota: 'bandung' } },
      { pengelola: pengelola(7), attributes: { kota: 'cimahi' } },
      { locale: 'en', names },
    )
    expect(changes).toEqual([
      {
        field: 'pengelola',
        fieldLabel: 'Operators',
        before: '1 items: Budi Santoso (budi@kota.go.id) (ST 800/1)',
        after:
          '7 items: Budi Santoso (budi@kota.go.id) (ST 800/1), Sari Dewi (sari@kota.go.id) (ST 800/2), ' +
          'Budi Santoso (budi@kota.go.id) (ST 800/3), Sari Dewi (sari@kota.go.id) (ST 800/4), ' +
          'Budi Santoso (budi@kota.go.id) (ST 800/5) … (+2)',
      },
      { field: 'attributes.kota', fieldLabel: 'Attributes › kota', before: 'bandung', after: 'cimahi' },
    ])
  })

  it('lists every field of a created object with no before, and instants in WIB', () => {
    const { changes } = describeChanges(
      null,
      { name: 'Token CI', expiresAt: '2026-10-12T07:30:00.000Z', grants: [{ unitId: UNIT, role: 'analis' }] },
      { locale: 'id', names },
    )
    expect(changes.map((change) => [change.field, change.before, change.after])).toEqual([
      ['name', null, 'Token CI'],
      ['expiresAt', null, '12 Okt 2026 14.30 WIB'],
      ['grants', null, '1 butir: Analis — Biro Humas (BH)'],
    ])
  })

  it("shows a unit's place in the tree by the units' names and leaves out empty attributes", () => {
    const { changes } = describeChanges(
      null,
      { name: 'Dinas Kominfo', path: `/${UNIT}/${OTHER_UNIT}/`, attributes: {} },
      { locale: 'id', names },
    )
    expect(changes.map((change) => [change.field, change.after])).toEqual([
      ['name', 'Dinas Kominfo'],
      ['path', 'Biro Humas › Dinas Kominfo'],
    ])
    expect(
      collectNameRefs([
        { objectType: 'unit', objectId: null, actorUserId: null, before: null, after: { path: `/${UNIT}/` } },
      ]).units,
    ).toEqual([UNIT])
  })

  it('shows a nested object that has a name (the top unit of a new instansi) by its name and code, not its id', () => {
    const { changes } = describeChanges(
      null,
      { slug: 'kotacontoh', rootUnit: { id: UNIT, code: 'PROKOPIM', name: 'Bagian Protokol' } },
      { locale: 'id', names },
    )
    expect(changes).toContainEqual({
      field: 'rootUnit',
      fieldLabel: 'Unit teratas',
      before: null,
      after: 'Bagian Protokol (PROKOPIM)',
    })
    expect(JSON.stringify(changes)).not.toContain(UNIT)
  })

  it('cuts long values and fields the database left out, and says so', () => {
    const { changes, truncated } = describeChanges(
      null,
      { notes: 'x'.repeat(500), rows: 38_000 },
      { locale: 'id', names, maxValueChars: 50, omittedAfter: ['changes'] },
    )
    expect(truncated).toBe(true)
    expect(changes).toEqual([
      expect.objectContaining({ field: 'notes', after: `${'x'.repeat(49)}…`, truncated: true }),
      { field: 'rows', fieldLabel: 'Baris', before: null, after: '38.000' },
      expect.objectContaining({ field: 'changes', before: null, truncated: true }),
    ])
    expect(changes[2]!.after).toMatch(/terlalu besar/)
  })

  it('collects the ids a page mentions: objects, actors and references inside snapshots', () => {
    const refs = collectNameRefs([
      {
        objectType: 'account',
        objectId: ACCOUNT,
        actorUserId: BUDI,
        before: { pengelola: [{ userId: SARI }] },
        after: { unitId: UNIT, penanggungJawabUserId: SARI },
      },
      { objectType: 'calendar_day', objectId: '2026-07-01', actorUserId: null, before: null, after: null },
    ])
    expect(refs.accounts).toEqual([ACCOUNT])
    expect(refs.users.sort()).toEqual([BUDI, SARI].sort())
    expect(refs.units).toEqual([UNIT])
    expect(refs.roleGrants).toEqual([])
  })
})
