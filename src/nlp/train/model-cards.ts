// Writes the model card (`<model>.md`) next to each artifact: data and licences, metrics, known weaknesses.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelName } from '../models/model-file.ts'
import type { HeadSummary } from './train-models.ts'

/** Every data source a model may be trained on, with what its licence allows. */
export const SOURCES: Record<string, { text: string; commercialUse: boolean }> = {
  'indonlu-smsa': {
    text: 'IndoNLU SmSA train+valid (IndoNLP/indonlu @ ce728f69; Apache-2.0 per repository, CC BY-SA 4.0 per NusaCrowd — attribution, share-alike)',
    commercialUse: true,
  },
  'dkk-semarang': {
    text: 'DKK Semarang Instagram comments, train split (yasirabd/sentiment-dkk-semarang @ 0f041d6d; Apache-2.0)',
    commercialUse: true,
  },
  'gov-comments': {
    text: 'Warta gov-comments, split=train (corpus/gov-comments: hand-labelled DKK Semarang comments, Apache-2.0, and comments written for the project, Apache-2.0)',
    commercialUse: true,
  },
  'dkk-unlabelled-pseudo': {
    text: 'Self-training: unlabelled DKK Semarang comments (data_inference_masked.csv, same repository, Apache-2.0) labelled by a first model when its probability ≥ 0.9, weight 0.5; texts labelled anywhere are excluded',
    commercialUse: true,
  },
  'id-multilabel-hate-speech': {
    text: 'Ibrohim & Budi 2019 multi-label hate speech and abusive tweets (okkyibrohim/id-multi-label-hate-speech-and-abusive-language-detection @ be98de98; **CC BY-NC-SA 4.0**)',
    commercialUse: false,
  },
}

/** The line every card of a model trained only on commercially usable data carries (checked by a test). */
export const COMMERCIAL_USE_LINE =
  '**Commercial use allowed:** every source above allows commercial use (Apache-2.0, CC BY-SA 4.0 — keep the attributions; CC BY-SA asks derived data sets to be shared alike). No NonCommercial data is used.'

const PURPOSE: Record<ModelName, string> = {
  sentiment: 'Sentiment of a comment towards the agency or topic: `positif`, `netral`, `negatif`.',
  abusive: 'Abusive language (crude or insulting words, whoever they hit): `true` / `false`.',
  'hate-speech':
    'Hate speech (an attack on, or incitement against, a person or a group of people): `true` / `false`; when true, the target (`individu` / `kelompok`) and the SARA category (`agama`, `ras_suku`, `fisik`, `gender`, `lainnya`). Insults aimed only at an institution are not hate speech (rule in `src/nlp/rules/hate-rules.ts`).',
  intent:
    'Intent of a comment to a government account: `pertanyaan`, `keluhan`, `aspirasi`, `apresiasi`, `permohonan_informasi`, `lainnya` (definitions: docs/nlp/labelling-guide.md).',
}

const NB_LOGISTIC =
  'NB-weighted logistic regression (Wang & Manning 2012, one-vs-rest, log-count ratios folded into the weights)'
const LEARNER: Record<ModelName, string> = {
  sentiment: NB_LOGISTIC,
  abusive: NB_LOGISTIC,
  'hate-speech': 'Hate head: multinomial logistic regression; target and category heads likewise',
  intent: `the average of the logits of an ${NB_LOGISTIC} and of a multinomial logistic regression (one linear head)`,
}

const WEAKNESSES: Record<ModelName, string[]> = {
  sentiment: [
    'Bag of n-grams: sarcasm ("mantap, antre 5 jam") is read by its words unless the in-domain data has taught the pattern.',
    "Most training text is product/restaurant reviews (SmSA) and one agency's COVID-19 comments (DKK); other services are covered only by the smaller gov-comments set.",
    'Javanese, Sundanese and English code-mixing are covered only as far as the slang lexicon and character n-grams reach.',
  ],
  abusive: [
    'Most positives come from 2018–2019 political Twitter; new slurs and creative spellings outside the character n-grams are missed.',
    'Quoting or reporting an insult ("dia bilang saya goblok") is flagged like the insult itself.',
  ],
  'hate-speech': [
    'The Twitter labels (Ibrohim & Budi) treat many insults at officials and institutions as hate speech; the institution rule corrects only texts whose only target is an institution word it knows.',
    'Target and category heads are trained on few in-domain rows; `fisik` and `gender` have little data.',
    'Hostile identity words without a crude word are learnt from the in-domain data plus a small rule list; euphemisms and dog whistles are missed.',
  ],
  intent: [
    'Trained only on the in-domain gov-comments set (a few thousand rows): rare services and unusual phrasings are weaker.',
    '`aspirasi` vs `keluhan` and `pertanyaan` vs `permohonan_informasi` are close by definition; expect confusions there.',
  ],
}

export function writeModelCard(
  dir: string,
  model: ModelName,
  counts: Record<string, Record<string, number>>,
  heads: HeadSummary[],
  bytes: number,
): void {
  const taskKeys: Record<ModelName, string[]> = {
    sentiment: ['sentiment'],
    abusive: ['abusive'],
    'hate-speech': ['hate', 'hateTarget', 'hateCategory'],
    intent: ['intent'],
  }
  const sources = new Map<string, number>()
  for (const key of taskKeys[model]) {
    for (const [source, n] of Object.entries(counts[key] ?? {})) {
      if (SOURCES[source] !== undefined) sources.set(source, Math.max(sources.get(source) ?? 0, n))
    }
  }
  const nc = [...sources.keys()].some((source) => !SOURCES[source]!.commercialUse)
  const lines = [
    `# Model card: ${model} (\`${model}.bin\`)`,
    '',
    PURPOSE[model],
    '',
    'Generated by `npx warta nlp train`; test-set metrics are in [docs/nlp/evaluation.md](../../../docs/nlp/evaluation.md)',
    '(`npx warta nlp eval`).',
    '',
    '## Model',
    '',
    `- ${LEARNER[model]}`,
    '  trained by SGD with L2, averaged over the later epochs, over 2^18 hashed features: word',
    '  unigrams and bigrams of the normalised text (src/nlp/text), a negation-scope copy of the three words after',
    '  `tidak`/`bukan`/`belum`/`jangan`/`kurang`/`tanpa`, character 3–5-grams of each normalised word, emoji, and',
    '  token-kind features (link, mention, hashtag, number, ?/!), and the opening word and closing word and bigram',
    '  of the text as features of their own. L2-normalised log counts.',
    '- Probabilities are calibrated by a softmax temperature fitted on 3-fold out-of-fold scores of the training set.',
    ...(model === 'intent'
      ? [
          '- After the model, two decision rules of the labelling guide (`src/nlp/rules/intent-rules.ts`): a wish of',
          '  health addressed to the officers is `apresiasi`; a problem report ending in a generic call to act on it',
          '  ("tolong segera ditindak") is `keluhan`, not `aspirasi`.',
        ]
      : []),
    ...(model === 'hate-speech'
      ? [
          '- The hate head flips at an uncalibrated probability of 0.6 (chosen by in-domain CV; applied as a bias shift',
          '  before calibration, so the shipped score still crosses 0.5 where the label flips). The class-balanced',
          '  training, the low weight of the Twitter rows and the rules are described in docs/nlp/evaluation.md.',
        ]
      : []),
    `- Weights quantised to int8 with one scale per class; file size ${(bytes / 1024 / 1024).toFixed(2)} MB.`,
    '- Deterministic: seed 20261122.',
    '',
    '## Training data and licence',
    '',
    '| source | rows |',
    '|---|---:|',
    ...[...sources].map(([source, n]) => `| ${SOURCES[source]!.text} | ${n} |`),
    '',
    nc
      ? "**NonCommercial: this model is trained on CC BY-NC-SA 4.0 data** (Ibrohim & Budi 2019), by `warta nlp train --include-noncommercial`. A paid deployment or a vendor contract is commercial use: get the authors' permission (okkyibrohim@cs.ui.ac.id) or use the committed models, which are trained without that set."
      : COMMERCIAL_USE_LINE,
    '',
    'Texts that occur in any reported test split (SmSA test, DKK test, gov-comments test) are removed from training.',
    '',
    '## Heads and held-out (out-of-fold) metrics on the training data',
    '',
    '| head | rows | OOF macro-F1 | temperature |',
    '|---|---:|---:|---:|',
    ...heads.map(
      (h) => `| ${h.head} | ${h.rows} | ${h.outOfFoldMacroF1.toFixed(3)} | ${h.temperature.toFixed(2)} |`,
    ),
    '',
    'Out-of-fold scores mix the public sets with the in-domain rows; the in-domain test numbers in the evaluation',
    'report are the ones that matter for the product.',
    '',
    '## Known weaknesses',
    '',
    ...WEAKNESSES[model].map((w) => `- ${w}`),
    '',
  ]
  writeFileSync(join(dir, `${model}.md`), lines.join('\n'))
}
