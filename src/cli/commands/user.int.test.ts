import { describe, expect, it } from 'vitest'
import { buildApp } from '../../api/app.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import { loginAs } from '../../../tests/support/auth.ts'
import { searchAudit } from '../../db/audit-repository.ts'
import { runUserCommand } from './user.ts'

function capture(locale: 'id' | 'en' = 'id') {
  const out: string[] = []
  const err: string[] = []
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), locale }
  return { io, out, err }
}

describe('warta user', () => {
  it('create a user with a role on a unit, print a one-time password, and audit it as cli', async () => {
    const ctx = await getTestContext()
    const owner = await createTestInstansi(ctx.db)
    const unit = await createTestUnit(ctx.db, owner, owner.rootUnit)
    const email = `cli-${uniqueSuffix()}@uji.go.id`
    const { io, out, err } = capture()
    const code = await runUserCommand(
      ctx.db,
      [
        'create',
        '--instansi',
        owner.slug,
        '--email',
        email,
        '--name',
        'Budi',
        '--role',
        'pengelola',
        '--unit',
        unit.code,
      ],
      io,
    )
    expect(err).toEqual([])
    expect(code).toBe(0)
    const password = /wajib diganti saat masuk\): (\S+)/.exec(out.join(''))![1]!
    expect(password).toHaveLength(20)

    const app = await buildApp(ctx)
    const session = await loginAs(app, { email, password })
    expect(session.me.grants).toEqual([expect.objectContaining({ role: 'pengelola', unitId: unit.id })])
    expect((session.me.user as { mustChangePassword: boolean }).mustChangePassword).toBe(true)
    const audit = await searchAudit(ctx.db, { instansiId: owner.id, action: 'user.create' })
    expect(audit[0]).toMatchObject({ actorLabel: 'cli', actorUserId: null })
  })

  it('use a given password and explain missing options, unknown roles, instansi and units', async () => {
    const ctx = await getTestContext()
    const owner = await createTestInstansi(ctx.db)
    const email = `cli-${uniqueSuffix()}@uji.go.id`
    const ok = capture()
    const base = [
      'create',
      '--instansi',
      owner.slug,
      '--email',
      email,
      '--name',
      'Ani',
      '--role',
      'analis',
      '--unit',
      'PUSAT',
    ]
    const weak = capture()
    expect(await runUserCommand(ctx.db, [...base, '--password', 'password1234'], weak.io)).toBe(1)
    expect(weak.err.join('')).toContain('mudah ditebak')
    expect(await runUserCommand(ctx.db, [...base, '--password', 'sandi-pilihan-sendiri'], ok.io)).toBe(0)
    expect(ok.out.join('')).not.toContain('sementara')
    // The operator knows the password they typed: the person must change it at first sign-in.
    const typed = await loginAs(await buildApp(ctx), { email, password: 'sandi-pilihan-sendiri' })
    expect((typed.me.user as { mustChangePassword: boolean }).mustChangePassword).toBe(true)

    const missing = capture()
    expect(await runUserCommand(ctx.db, ['create', '--instansi', owner.slug], missing.io)).toBe(2)
    expect(missing.err.join('')).toContain('--email, --name, --role, --unit')
    const role = capture()
    expect(await runUserCommand(ctx.db, [...base.slice(0, 8), 'raja', '--unit', 'PUSAT'], role.io)).toBe(2)
    const unit = capture()
    expect(await runUserCommand(ctx.db, [...base.slice(0, 10), 'TIDAK-ADA'], unit.io)).toBe(1)
    expect(unit.err.join('')).toContain('TIDAK-ADA')
    const duplicate = capture()
    expect(await runUserCommand(ctx.db, base, duplicate.io)).toBe(1)
    expect(duplicate.err.join('')).toContain('tidak dapat dipakai')
  })

  it('answer in English when the terminal is English', async () => {
    const ctx = await getTestContext()
    const owner = await createTestInstansi(ctx.db)
    const role = capture('en')
    const args = [
      'create',
      '--instansi',
      owner.slug,
      '--email',
      'x@uji.go.id',
      '--name',
      'X',
      '--role',
      'raja',
    ]
    expect(await runUserCommand(ctx.db, [...args, '--unit', 'PUSAT'], role.io)).toBe(2)
    expect(role.err.join('')).toBe(
      "warta user: unknown role 'raja'. Choose one of: admin, penanggung_jawab, pengelola, analis, ppid, pimpinan, auditor.\n",
    )
    const missing = capture('en')
    expect(await runUserCommand(ctx.db, ['create'], missing.io)).toBe(2)
    expect(missing.err.join('')).toMatch(
      /^warta user: required options are missing: --instansi, .*\nUsage:\n/,
    )
  })

  it('create another instansi with its root unit and first admin', async () => {
    const ctx = await getTestContext()
    const slug = `kab-${uniqueSuffix()}`
    const { io, out } = capture()
    const code = await runUserCommand(
      ctx.db,
      [
        'create-instansi',
        '--slug',
        slug,
        '--name',
        'Pemkab Uji',
        '--unit-code',
        'SETDA',
        '--unit-name',
        'Sekretariat Daerah',
        '--admin-email',
        `${slug}@uji.go.id`,
        '--admin-name',
        'Admin',
      ],
      io,
    )
    expect(code).toBe(0)
    expect(out.join('')).toContain('verifikasi dua langkah')
    const password = /wajib diganti saat masuk\): (\S+)/.exec(out.join(''))![1]!
    const session = await loginAs(await buildApp(ctx), { email: `${slug}@uji.go.id`, password })
    expect(session.me.mustEnrolTwoFactor).toBe(true)
    expect(session.me.grants).toEqual([expect.objectContaining({ role: 'admin', unitCode: 'SETDA' })])
  })
})
