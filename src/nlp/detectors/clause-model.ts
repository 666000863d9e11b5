// Learned sentence detectors for the two findings the rules miss most (issue #10 item 2, round three): SARA
// hostility without a slur (a group + negative generalisation, blame or a call to exclude) and partisan support in
// polite words. A small linear model (src/nlp/models/check-clauses.bin, trained by
// src/nlp/train/train-check-clauses.ts on corpus/check-clauses/) scores each sentence; a sentence is only scored
// when it names what the finding is about — a protected group for `sara`, an election or something a voter can pick
// for `partisan` — so an unrelated sentence never reaches the model.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { committedModelsDir, decodeModel, headProbabilities, type LinearModel } from '../models/model-file.ts'
import { createFeatureExtractor, type FeatureExtractor } from '../vectorise/feature-extractor.ts'
import type { DetectorSpan } from './detector-span.ts'
import { REFUSAL } from './sara-hostile-clause.ts'
import { GROUP } from './sara-groups.ts'
import { sentenceSpans } from './sentence-spans.ts'

/** Chosen on the clause corpus's held-out split (unseen groups, traits and targets); see the training script. */
export const CLAUSE_THRESHOLDS = { sara: 0.6, partisan: 0.6 } as const

export type ClauseKind = keyof typeof CLAUSE_THRESHOLDS

// Capitalised words after a people noun that name a place of work or residence, a title or the reader, not an origin.
const NOT_ORIGIN = String.raw`(?:Anda|Pasar|Desa|Kelurahan|Kecamatan|Kota|Kabupaten|Provinsi|Dinas|Kantor|Jalan|Jl|Bapak|Ibu|Pak|Bu|Saudara|RT|RW|Rusun\p{L}*|Perumahan|Terminal|Pelabuhan|Puskesmas|RSUD|Rumah|Sekolah|SD|SMP|SMA|SMK|Universitas|Kampus|Blok|Gedung|Balai|Posyandu|Program|Tim|Pemkot|Pemkab|Pemda)(?![\p{L}])`
// A people noun before a capitalised origin ("pemuda asal Maluku", "pekerja asal Tiongkok", "orang Flores"), or a
// word that names people by origin, descent, faith or race on its own.
const PEOPLE_BY_ORIGIN = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:orang|warga|masyarakat|penduduk|pemuda|mahasiswa|pelajar|pedagang|pengusaha|pekerja|buruh|nelayan|petani|sopir|pengemudi|wisatawan|turis|pendatang|perantau|transmigran|imigran|pengungsi|keluarga|kaum|suku|etnis|keturunan|umat|jemaat|jemaah|penganut|kelompok)\s+(?:(?:asal|dari|luar|keturunan|etnis|suku|negara|kulit|beragama|berkulit)\s+)*(?!${NOT_ORIGIN})(?-i:\p{Lu})\p{L}+|(?:berasal\s+dari|asal)\s+(?-i:\p{Lu})\p{L}+|(?:hitam|rambut)\s+keriting|pendatang|perantau|transmigran|imigran|pengungsi|pencari\s+suaka|keturunan|penghayat|bule|orang\s+asing|warga\s+asing|(?:kulit|berkulit)\s+(?:hitam|gelap|putih)|kaum\s+\p{L}+|umat\s+\p{L}+|penganut\s+\p{L}+)(?![\p{L}])`,
  'iu',
)
const GROUP_RULE = new RegExp(String.raw`(?<![\p{L}\p{N}-])${GROUP}(?![\p{L}\p{N}])`, 'iu')
const ELECTORAL =
  /(?<![\p{L}])(?:pil(?:kada|pres|leg|gub|bup|walkot|kades)|pemilu|pemilihan|pencoblosan|coblos\p{L}*|tps|kampanye|paslon|pasangan|calon|caleg|capres|cawapres|cagub|cabup|cawalkot|kandidat|petahana|partai|koalisi|nomor\s+urut|no\.?\s*urut|suara|periode|memimpin|pemimpin|kepemimpinan|sosok|maju|terpilih|memilih|pilih(?:lah)?|menangkan|memenangkan|kemenangan)(?![\p{L}])/iu

let loaded: { model: LinearModel; extractor: FeatureExtractor; probs: Float64Array } | undefined

function load() {
  if (!loaded) {
    const model = decodeModel(readFileSync(join(committedModelsDir, 'check-clauses.bin')))
    loaded = { model, extractor: createFeatureExtractor(model.features), probs: new Float64Array(2) }
  }
  return loaded
}

/**
 * Whether the sentence names what `kind` is about (a group, an election). One that refuses the hostility (hoaks,
 * stigma, diskriminasi, tidak benar …) quotes it to condemn it.
 */
export const namesSubject = (kind: ClauseKind, sentence: string): boolean =>
  kind === 'sara'
    ? (GROUP_RULE.test(sentence) || PEOPLE_BY_ORIGIN.test(sentence)) && !REFUSAL.test(sentence)
    : ELECTORAL.test(sentence)

/** The model's probability that `sentence` is of `kind` (0 when the sentence does not name what `kind` needs). */
export function scoreClause(kind: ClauseKind, sentence: string): number {
  if (!namesSubject(kind, sentence)) return 0
  const { model, extractor, probs } = load()
  const head = model.heads.find((h) => h.name === kind)
  if (!head) return 0
  const v = extractor.extract(sentence)
  headProbabilities(head, v.indices, v.values, v.size, probs)
  return probs[1]!
}

const THEM = /(?<![\p{L}])mereka(?![\p{L}])/iu

/**
 * Sentences the learned model holds to be `kind` at its threshold. A sentence about "them" that names no group is
 * read together with the sentence before it ("Pendatang dari X … . Sebaiknya mereka dikeluarkan."), and the pair's
 * verdict is pointed at the second sentence.
 */
export function findLearnedClauses(kind: ClauseKind, text: string): DetectorSpan[] {
  const spans = sentenceSpans(text)
  return spans.filter((span, i) => {
    const sentence = text.slice(span.start, span.end)
    if (scoreClause(kind, sentence) >= CLAUSE_THRESHOLDS[kind]) return true
    const previous = spans[i - 1]
    if (kind !== 'sara' || !previous || !THEM.test(sentence) || namesSubject(kind, sentence)) return false
    return scoreClause(kind, text.slice(previous.start, span.end)) >= CLAUSE_THRESHOLDS[kind]
  })
}
