import { describe, expect, it } from 'vitest'
import {
  BackupError,
  classifyLine,
  compareMigrations,
  orderByDependencies,
  parseHeader,
  rowLine,
} from './backup-format.ts'

describe('backup format', () => {
  it('orders tables parents first and ignores a table referencing itself', () => {
    const ordered = orderByDependencies([
      { name: 'role_grants', references: ['users', 'units', 'instansi'] },
      { name: 'units', references: ['instansi', 'units'] },
      { name: 'users', references: ['instansi'] },
      { name: 'instansi', references: [] },
    ])
    expect(ordered.map((table) => table.name)).toEqual(['instansi', 'units', 'users', 'role_grants'])
  })

  it('refuses tables that reference each other in a cycle', () => {
    expect(() =>
      orderByDependencies([
        { name: 'a', references: ['b'] },
        { name: 'b', references: ['a'] },
      ]),
    ).toThrow(BackupError)
  })

  it('takes the row text from a row line unchanged', () => {
    const json = '{"id": 1, "note": "a \\"quoted\\" }"}'
    expect(classifyLine(rowLine(json), 3)).toEqual({ kind: 'row', json })
  })

  it('recognises table, sequence and trailer lines', () => {
    expect(classifyLine('{"table":"units","columns":["id"]}', 2)).toEqual({
      kind: 'table',
      section: { table: 'units', columns: ['id'] },
    })
    expect(
      classifyLine('{"sequence":{"table":"audit_log","column":"id","value":7,"isCalled":true}}', 9).kind,
    ).toBe('sequence')
    expect(classifyLine('{"end":true,"tables":1,"rows":0}', 10)).toEqual({
      kind: 'end',
      trailer: { end: true, tables: 1, rows: 0 },
    })
  })

  it('names the line number of a damaged line', () => {
    expect(() => classifyLine('{"broken', 42)).toThrow(/Baris 42/)
  })

  it('refuses a header from another program or another format version', () => {
    expect(() => parseHeader('{"format":"pg_dump"}')).toThrow(/bukan cadangan Warta/)
    expect(() => parseHeader('{"format":"warta-backup","version":99,"migrations":[]}')).toThrow(/versi 99/)
    expect(
      parseHeader(
        '{"format":"warta-backup","version":1,"createdAt":"x","engine":"pg","migrations":["0000_core"]}',
      ).migrations,
    ).toEqual(['0000_core'])
  })

  it('lists migrations the target lacks and migrations the backup predates', () => {
    expect(compareMigrations(['0000_core', '0001_identity'], ['0000_core'])).toEqual({
      missingInTarget: ['0001_identity'],
      newerInTarget: [],
    })
    expect(compareMigrations(['0000_core'], ['0000_core', '0001_identity'])).toEqual({
      missingInTarget: [],
      newerInTarget: ['0001_identity'],
    })
  })
})
