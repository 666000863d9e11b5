// classify(text): sentiment, abusive, hate speech (target, category) and intent of one text. The four models load
// once per process (lazily, on first use) and share one feature extraction per text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createFeatureExtractor, type FeatureExtractor } from './vectorise/feature-extractor.ts'
import { cuesFromWords, institutionOnly, isCueWord, NO_CUES } from './rules/hate-rules.ts'
import { adjustIntent } from './rules/intent-rules.ts'
import { hasCrudeWord } from './rules/abusive-rules.ts'
import {
  argmax,
  decodeModel,
  MODEL_NAMES,
  modelsDir,
  packedProbabilities,
  packedSums,
  packHeads,
  type Head,
  type LinearModel,
  type PackedHeads,
} from './models/model-file.ts'
import type { Classification, HateCategory, HateTarget, IntentLabel, SentimentLabel } from './types.ts'

interface LoadedClassifier {
  extractor: FeatureExtractor
  sentiment: Head
  abusive: Head
  hate: Head
  target: Head
  category: Head
  intent: Head
  /** The heads every text needs. */
  packed: PackedHeads
  /** Target and category, scored only for the few texts that are hate speech. */
  hatePacked: PackedHeads
  loadMs: number
}

let loaded: LoadedClassifier | undefined
// Normalised words of the text being classified, collected during feature extraction for the hate-speech rules.
const words: string[] = []
let hasCue = false

function head(model: LinearModel, name: string): Head {
  const found = model.heads.find((h) => h.name === name)
  if (!found) throw new Error(`model ${model.task} has no head ${name}`)
  return found
}

/** Loads the committed models (idempotent); returns the load time in milliseconds of the first load. */
export function loadClassifier(): { loadMs: number } {
  if (loaded) return { loadMs: loaded.loadMs }
  const started = performance.now()
  const [sentiment, abusive, hate, intent] = MODEL_NAMES.map((name) =>
    decodeModel(readFileSync(join(modelsDir, `${name}.bin`))),
  ) as [LinearModel, LinearModel, LinearModel, LinearModel]
  const features = JSON.stringify(sentiment.features)
  for (const m of [abusive, hate, intent]) {
    // One extraction serves all heads only if every model was trained on the same feature space.
    if (JSON.stringify(m.features) !== features)
      throw new Error(`model ${m.task} uses different features; retrain all`)
  }
  loaded = {
    extractor: createFeatureExtractor(sentiment.features, {
      markWord: isCueWord,
      onWord: (word, isCue) => {
        words.push(word)
        if (isCue) hasCue = true
      },
    }),
    sentiment: head(sentiment, 'sentiment'),
    abusive: head(abusive, 'abusive'),
    hate: head(hate, 'hate_speech'),
    target: head(hate, 'target'),
    category: head(hate, 'category'),
    intent: head(intent, 'intent'),
    packed: packHeads(
      [
        head(sentiment, 'sentiment'),
        head(abusive, 'abusive'),
        head(hate, 'hate_speech'),
        head(intent, 'intent'),
      ],
      1 << sentiment.features.bits,
    ),
    hatePacked: packHeads([head(hate, 'target'), head(hate, 'category')], 1 << sentiment.features.bits),
    loadMs: 0,
  }
  loaded.loadMs = performance.now() - started
  return { loadMs: loaded.loadMs }
}

const probs = new Float64Array(16)
const sums = new Float64Array(64)
const hateSums = new Float64Array(64)

const round = (x: number): number => Math.round(x * 10000) / 10000

export function classify(text: string): Classification {
  loadClassifier()
  const model = loaded!
  words.length = 0
  hasCue = false
  const v = model.extractor.extract(text)
  const packed = model.packed
  packedSums(packed, v.indices, v.values, v.size, sums)
  const probabilities = (h: Head): void => packedProbabilities(h, packed.offsets.get(h)!, sums, probs)

  probabilities(model.sentiment)
  const s = argmax(probs, 3)
  const sentiment = { label: model.sentiment.labels[s] as SentimentLabel, score: round(probs[s]!) }

  probabilities(model.abusive)
  // A word that insults whatever the context makes the text abusive even when the model never saw it
  // (rules/abusive-rules.ts); the score is then at least 0.5, where the label flips.
  let abusiveScore = probs[1]!
  if (abusiveScore < 0.5 && hasCrudeWord(words)) abusiveScore = 0.5
  const abusive = { label: abusiveScore >= 0.5, score: round(abusiveScore) }

  probabilities(model.hate)
  let hateScore = probs[1]!
  let target: HateTarget = 'none'
  let category: HateCategory = 'none'
  // The product definitions (hate-rules.ts), measured in docs/nlp/evaluation.md: an insult whose only target is an
  // institution is not hate speech; a hostile word next to an identity word is, even without a crude word.
  const cues = hasCue ? cuesFromWords(words) : NO_CUES
  if (hateScore >= 0.5 && institutionOnly(cues)) hateScore = Math.min(hateScore, 0.35)
  else if (hateScore < 0.5 && cues.hostileIdentity && cues.identity !== null) {
    hateScore = 0.5
    target = 'kelompok'
    category = cues.identity
  }
  const isHate = hateScore >= 0.5
  if (isHate && target === 'none') {
    const hatePacked = model.hatePacked
    packedSums(hatePacked, v.indices, v.values, v.size, hateSums)
    packedProbabilities(model.target, hatePacked.offsets.get(model.target)!, hateSums, probs)
    target = model.target.labels[argmax(probs, 2)] as HateTarget
    packedProbabilities(model.category, hatePacked.offsets.get(model.category)!, hateSums, probs)
    category = model.category.labels[argmax(probs, 5)] as HateCategory
  }
  const hate_speech = { label: isHate, score: round(hateScore), target, category }

  probabilities(model.intent)
  const i = argmax(probs, model.intent.classes)
  // Two decision rules of the labelling guide the n-grams miss (rules/intent-rules.ts); when one moves the label,
  // the score is the model's probability of the label it moved to.
  const label = adjustIntent(model.intent.labels[i] as IntentLabel, words)
  const intent = { label, score: round(probs[model.intent.labels.indexOf(label)]!) }

  return { sentiment, abusive, hate_speech, intent }
}

export function classifyBatch(texts: readonly string[]): Classification[] {
  return texts.map(classify)
}
