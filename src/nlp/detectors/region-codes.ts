// District codes (PPRRDD) from the installed idn-area-data package, read once on first use and kept as a Set of
// six-digit numbers: ~7,300 entries, a few hundred kilobytes, no async API needed by the synchronous detectors.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// NIKs issued before the 2022 Papua split keep their old regency codes (rules.md section 7). The package only has
// today's codes, so the old Papua (91) and Papua Barat (92) regency numbers are mapped to the regency names they
// had; the district part is looked up under the regency's current code.
const OLD_PAPUA_REGENCIES: Record<string, string> = {
  '9101': 'Kabupaten Merauke',
  '9102': 'Kabupaten Jayawijaya',
  '9104': 'Kabupaten Nabire',
  '9107': 'Kabupaten Puncak Jaya',
  '9108': 'Kabupaten Paniai',
  '9109': 'Kabupaten Mimika',
  '9112': 'Kabupaten Pegunungan Bintang',
  '9113': 'Kabupaten Yahukimo',
  '9114': 'Kabupaten Tolikara',
  '9116': 'Kabupaten Boven Digoel',
  '9117': 'Kabupaten Mappi',
  '9118': 'Kabupaten Asmat',
  '9121': 'Kabupaten Mamberamo Tengah',
  '9122': 'Kabupaten Yalimo',
  '9123': 'Kabupaten Lanny Jaya',
  '9124': 'Kabupaten Nduga',
  '9125': 'Kabupaten Puncak',
  '9126': 'Kabupaten Dogiyai',
  '9127': 'Kabupaten Intan Jaya',
  '9128': 'Kabupaten Deiyai',
  '9201': 'Kabupaten Sorong',
  '9204': 'Kabupaten Sorong Selatan',
  '9205': 'Kabupaten Raja Ampat',
  '9209': 'Kabupaten Tambrauw',
  '9210': 'Kabupaten Maybrat',
  '9271': 'Kota Sorong',
}

interface RegionTable {
  districts: Set<number>
  /** Old regency code (PPRR) → current regency code (PPRR). */
  movedRegencies: Map<string, string>
}

let table: RegionTable | undefined

function dataDirectory(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data')
}

function loadRegionTable(): RegionTable {
  const directory = dataDirectory()
  const districts = new Set<number>()
  for (const line of readFileSync(join(directory, 'districts.csv'), 'utf8').split('\n').slice(1)) {
    const code = line.slice(0, line.indexOf(','))
    if (/^\d\d\.\d\d\.\d\d$/.test(code)) districts.add(Number(code.replaceAll('.', '')))
  }
  const regencyByName = new Map<string, string>()
  for (const line of readFileSync(join(directory, 'regencies.csv'), 'utf8').split('\n').slice(1)) {
    const [code, , name] = line.trim().split(',')
    if (code && name) regencyByName.set(name.toLowerCase(), code.replace('.', ''))
  }
  const movedRegencies = new Map<string, string>()
  for (const [oldCode, name] of Object.entries(OLD_PAPUA_REGENCIES)) {
    const current = regencyByName.get(name.toLowerCase())
    if (current) movedRegencies.set(oldCode, current)
  }
  return { districts, movedRegencies }
}

function regionTable(): RegionTable {
  table ??= loadRegionTable()
  return table
}

/** True when the six digits PPRRDD name a district (kecamatan) in the Kemendagri table, old Papua codes included. */
export function isKnownDistrictCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false
  const { districts, movedRegencies } = regionTable()
  if (districts.has(Number(code))) return true
  const moved = movedRegencies.get(code.slice(0, 4))
  return moved !== undefined && districts.has(Number(moved + code.slice(4)))
}
