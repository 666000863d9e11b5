import { describe, it, expect } from 'vitest'
import { translator } from '../../i18n/i18n.tsx'
import {
  actorChoiceText,
  actorText,
  checkpointMakerText,
  deviceText,
  meaningfulChanges,
  objectText,
} from './audit-words.ts'

const id = translator('id')
const en = translator('en')

describe('actorText', () => {
  it('names a user by the name the API resolved, and a recorded label without a user in words', () => {
    expect(
      actorText({ actorName: 'Sari Wulandari (sari@kota.go.id)', actorLabel: 'sari@kota.go.id' }, id),
    ).toBe('Sari Wulandari (sari@kota.go.id)')
    expect(actorText({ actorName: null, actorLabel: 'setup' }, id)).toBe('Penyiapan pertama')
    expect(actorText({ actorName: null, actorLabel: 'anonymous' }, en)).toBe(
      'Not signed in (sign-in attempt)',
    )
    expect(actorText({ actorName: null, actorLabel: 'cli' }, id)).toBe('Perintah di server (CLI)')
    // A deleted user's entries keep the e-mail they were recorded with.
    expect(actorText({ actorName: null, actorLabel: 'lama@kota.go.id' }, id)).toBe('lama@kota.go.id')
  })

  it('puts the actors of the filter in words too', () => {
    expect(actorChoiceText({ userId: null, actorLabel: 'setup', label: 'setup' }, id)).toBe(
      'Penyiapan pertama',
    )
    expect(
      actorChoiceText({ userId: 'u1', actorLabel: null, label: 'Sari Wulandari (sari@kota.go.id)' }, id),
    ).toBe('Sari Wulandari (sari@kota.go.id)')
  })
})

describe('checkpointMakerText', () => {
  it('calls the daily checkpoint automatic and keeps the e-mail of a person', () => {
    expect(checkpointMakerText('job', id)).toBe('Otomatis (harian)')
    expect(checkpointMakerText('job', en)).toBe('Automatic (daily)')
    expect(checkpointMakerText('intan@inspektorat.go.id', id)).toBe('intan@inspektorat.go.id')
  })
})

describe('objectText', () => {
  it('names the kind and the object, without saying the kind twice, and the kind alone when nameless', () => {
    expect(objectText({ objectTypeLabel: 'Unit kerja', objectLabel: 'Dinas Kesehatan (DINKES)' })).toBe(
      'Unit kerja: Dinas Kesehatan (DINKES)',
    )
    expect(objectText({ objectTypeLabel: 'Sesi', objectLabel: 'Sesi Budi Santoso' })).toBe(
      'Sesi Budi Santoso',
    )
    expect(objectText({ objectTypeLabel: 'Pola nama akun', objectLabel: null })).toBe('Pola nama akun')
  })
})

describe('meaningfulChanges', () => {
  it('leaves out a field that is empty before and after, and keeps one that was emptied', () => {
    const changes = meaningfulChanges([
      { field: 'notes', fieldLabel: 'Catatan', before: null, after: '' },
      { field: 'name', fieldLabel: 'Nama', before: 'Lama', after: 'Baru' },
      { field: 'url', fieldLabel: 'Alamat', before: 'https://x.com/a', after: null },
    ])
    expect(changes.map((change) => change.field)).toEqual(['name', 'url'])
  })
})

describe('deviceText', () => {
  it('names the browser and system people recognise, and the command line as such', () => {
    expect(
      deviceText(
        { ip: '10.0.0.7', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0 Safari/537.36' },
        id,
      ),
    ).toBe('Chrome 156 · Windows')
    expect(deviceText({ ip: 'cli', userAgent: 'warta-cli' }, id)).toBe('Perintah di server (CLI)')
    expect(deviceText({ ip: null, userAgent: null }, id)).toBeNull()
  })
})
