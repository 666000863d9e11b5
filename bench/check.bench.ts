// npm run bench:check — the compliance check on 2,000-character drafts: checkDraft alone (the language engine's
// part, target p95 ≤ 20 ms), and the composer's whole check (checkPostContent: the base text and two variants, one
// of them edited, with the platform rules). The last line is machine-read:
// check_p50_ms=<n> check_p95_ms=<n> composer_p50_ms=<n> composer_p95_ms=<n> chars=2000 runs=<n>
import { checkPostContent } from '../src/features/posts/check-post.ts'
import { checkDraft, loadClassifier } from '../src/nlp/index.ts'

loadClassifier()
const sentences = [
  'Pemerintah Kota membuka layanan vaksinasi gratis di seluruh puskesmas pada Sabtu dan Minggu pukul 08.00–14.00 WIB.',
  'Warga cukup membawa KTP-el atau Kartu Keluarga; pendaftaran dapat dilakukan di lokasi atau melalui aplikasi resmi.',
  'Informasi lebih lanjut hubungi call center 112 atau kunjungi https://dinkes.example.go.id/vaksinasi.',
  'Kegiatan ini bagian dari upaya meningkatkan cakupan imunisasi menjelang musim hujan. #SehatBersama',
  'Kepala Dinas Kesehatan mengimbau masyarakat tetap menjaga pola hidup bersih dan sehat di lingkungan masing-masing.',
  'Mantul banget, yuk gaes ikutan!!! Jangan sampai ketinggalan ya.',
]

function draftOf(seed: number): string {
  const parts: string[] = []
  let length = 0
  for (let i = seed; length < 2000; i++) {
    const sentence = `${sentences[i % sentences.length]!}${i % 5 === 0 ? ` (${seed}-${i})` : ''}`
    parts.push(sentence)
    length += sentence.length + 1
  }
  return parts.join(' ').slice(0, 2000)
}

const drafts = Array.from({ length: 400 }, (_, i) => draftOf(i))
const single = (text: string) => checkDraft({ platform: 'instagram', text })
const composer = (text: string) =>
  checkPostContent(
    {
      baseText: text,
      variants: [
        { key: 'x', platform: 'x', text: text.slice(0, 270), media: [] },
        { key: 'ig', platform: 'instagram', text, media: [{ kind: 'image', altText: 'Foto kegiatan' }] },
      ],
    },
    undefined,
  )

function measure(run: (text: string) => unknown): { p50: number; p95: number } {
  for (let i = 0; i < 100; i++) run(drafts[i % drafts.length]!) // warm-up (JIT)
  const timings: number[] = []
  for (const text of drafts) {
    const started = performance.now()
    run(text)
    timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!
  return { p50: at(0.5), p95: at(0.95) }
}

const check = measure(single)
const whole = measure(composer)
process.stdout.write(
  `check_p50_ms=${check.p50.toFixed(2)} check_p95_ms=${check.p95.toFixed(2)} composer_p50_ms=${whole.p50.toFixed(2)} composer_p95_ms=${whole.p95.toFixed(2)} chars=2000 runs=${drafts.length}\n`,
)
