// Media on local disk (the default): one file per key under <data dir>/media, written to a temporary name and
// renamed so a half-written file is never served.
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { MediaStorage } from './media-storage.ts'

const SAFE_KEY = /^[A-Za-z0-9-]+(?:\/[A-Za-z0-9.-]+)*$/

export function createLocalMediaStorage(dir: string): MediaStorage {
  const fileOf = (key: string) => {
    // Keys are made by Warta; the check keeps a bug from ever reaching outside the folder.
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe media key ${key}`)
    return path.join(dir, ...key.split('/'))
  }
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      const temporary = `${file}.${randomUUID()}.part`
      await writeFile(temporary, bytes)
      await rename(temporary, file)
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true })
    },
  }
}
