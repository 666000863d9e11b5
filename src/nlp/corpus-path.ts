// The labelled corpus (corpus/ at the repository root): in-domain comments and the evaluation sets. It sits outside
// the engine's code because nothing reads it at run time; training, evaluation and the labelling tools do.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url))

/** Absolute path of a file or folder under corpus/. */
export const corpusPath = (...segments: string[]): string => join(corpusDir, ...segments)
