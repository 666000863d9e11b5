// An operator's verdict on a hoax match in the inbox, and a judged wording kept as a claim's variant
// (features/inbox/hoax-feedback.ts).
import { defineMessages } from './define-messages.ts'

export const hoaxFeedbackMessages = defineMessages({
  'inbox.hoax_feedback_no_match': {
    id: 'Pesan ini tidak terkait klaim hoaks mana pun; pilih klaimnya dengan "Tandai sebagai hoaks…".',
    en: 'This message is tied to no hoax claim; choose the claim with "Mark as a hoax…".',
  },
  'inbox.hoax_variant_not_confirmed': {
    id: 'Hanya teks yang sudah dinilai sebagai hoaks tertentu yang dapat dijadikan varian klaim itu.',
    en: 'Only a text judged to be a given hoax can become a variant of that claim.',
  },
  'inbox.hoax_variant_empty': {
    id: 'Tulis teks varian.',
    en: 'Write the variant’s text.',
  },
  'inbox.hoax_variant_personal_data': {
    id: 'Teks masih memuat data pribadi (NIK, nomor HP pribadi, atau e-mail pribadi). Hapus dulu bagian itu; basis pengetahuan hoaks dibagikan dan diekspor.',
    en: 'The text still holds personal data (an NIK, a private phone number or a private e-mail address). Remove it first; the hoax knowledge base is shared and exported.',
  },

  // `warta nlp feedback export` (src/cli/commands/nlp-feedback.ts).
  'cli.nlp_feedback_usage': {
    id:
      'Pemakaian: warta nlp feedback export [--instansi <kode>] [--out berkas]\n' +
      'Menulis penilaian operator atas kecocokan hoaks di kotak masuk sebagai JSON Lines, satu pasangan per baris:\n' +
      '  {"text","claimId","claim","match":true|false,"source":"inbox-feedback","judgedAt"}\n' +
      'Dikonfirmasi atau klaim yang dipilih: match true; ditolak, atau klaim yang diganti: match false.\n' +
      'Tanpa --instansi: semua instansi. Tanpa --out: ke keluaran standar.',
    en:
      'Usage: warta nlp feedback export [--instansi <code>] [--out file]\n' +
      "Writes the operators' verdicts on hoax matches in the inbox as JSON Lines, one pair a line:\n" +
      '  {"text","claimId","claim","match":true|false,"source":"inbox-feedback","judgedAt"}\n' +
      'Confirmed or chosen claims: match true; rejected or replaced claims: match false.\n' +
      'Without --instansi: every agency. Without --out: to standard output.',
  },
  'cli.nlp_feedback_written': {
    id: '{pairs:number} pasangan ({positive:number} cocok, {negative:number} tidak cocok) ditulis ke {target}.',
    en: '{pairs:number} pairs ({positive:number} matching, {negative:number} not matching) written to {target}.',
  },
})
