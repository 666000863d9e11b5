// Working the inbox: saved replies (jawaban baku) and their variables, the hoax clarification reply, and the
// routing rules.
import { defineMessages } from './define-messages.ts'

export const repliesMessages = defineMessages({
  'saved_replies.not_found': { id: 'Jawaban baku tidak ditemukan.', en: 'Saved reply not found.' },
  'saved_replies.invalid': {
    id: 'Periksa isian jawaban baku ({count:number} masalah).',
    en: 'Check the saved reply ({count:number} problems).',
  },
  'saved_replies.title_required': {
    id: 'Tulis judul jawaban baku (paling panjang 200 karakter).',
    en: 'Write a title for the saved reply (at most 200 characters).',
  },
  'saved_replies.body_required': {
    id: 'Tulis isi jawaban (paling panjang 5.000 karakter).',
    en: 'Write the reply text (at most 5,000 characters).',
  },
  'saved_replies.unknown_variable': {
    id: 'Variabel {names} tidak dikenal. Yang bisa dipakai: {known}. Tulis {{ dan }} untuk kurung kurawal biasa.',
    en: 'Unknown variable {names}. You can use: {known}. Write {{ and }} for a plain brace.',
  },
  'saved_replies.intent_unknown': {
    id: 'Maksud "{value}" tidak dikenal.',
    en: 'Unknown intent "{value}".',
  },
  'saved_replies.unit_unknown': {
    id: 'Unit kerja ini tidak ada di instansi Anda.',
    en: 'This unit does not exist in your agency.',
  },
  'saved_replies.not_for_item': {
    id: 'Jawaban baku ini milik unit lain dan tidak berlaku untuk pesan ini.',
    en: 'This saved reply belongs to another unit and does not apply to this message.',
  },
  'saved_replies.item_not_found': { id: 'Pesan tidak ditemukan.', en: 'Message not found.' },

  'clarification.no_hoax_match': {
    id: 'Pesan ini tidak cocok dengan klaim hoaks mana pun, jadi tidak ada klarifikasi untuk dikirim.',
    en: 'This message matches no hoax claim, so there is no clarification to send.',
  },
  'clarification.claim_archived': {
    id: 'Klaim hoaks yang cocok sudah diarsipkan; periksa basis pengetahuan sebelum menjawab.',
    en: 'The matched hoax claim is archived; check the knowledge base before answering.',
  },
  'clarification.too_long': {
    id: 'Klarifikasi tidak muat di {maximum:number} karakter platform ini, bahkan dengan fakta yang dipersingkat: perpendek tautan sumber klaim.',
    en: "The clarification does not fit this platform's {maximum:number} characters even with the facts shortened: use a shorter source link on the claim.",
  },

  'routing.not_found': { id: 'Aturan perutean tidak ditemukan.', en: 'Routing rule not found.' },
  'routing.invalid': {
    id: 'Periksa aturan perutean ({count:number} masalah).',
    en: 'Check the routing rule ({count:number} problems).',
  },
  'routing.name_required': {
    id: 'Beri nama aturan (paling panjang 200 karakter).',
    en: 'Name the rule (at most 200 characters).',
  },
  'routing.condition_required': {
    id: 'Isi paling sedikit satu syarat: kata kunci, maksud, akun, unit, platform, sentimen atau hoaks.',
    en: 'Set at least one condition: keywords, intent, account, unit, platform, sentiment or hoax.',
  },
  'routing.keyword_empty': {
    id: 'Kata kunci "{value}" tidak berisi kata yang bisa dicocokkan.',
    en: 'The keyword "{value}" holds no word that can be matched.',
  },
  'routing.unit_unknown': {
    id: 'Unit kerja ini tidak ada atau sudah diarsipkan.',
    en: 'This unit does not exist or is archived.',
  },
  'routing.user_unknown': {
    id: 'Pilih orang yang aktif dan memegang peran kotak masuk (pengelola, penanggung jawab atau PPID).',
    en: 'Choose a person who is active and holds an inbox role (pengelola, penanggung jawab or PPID).',
  },
  'routing.account_unknown': {
    id: 'Akun ini tidak terdaftar di instansi Anda.',
    en: 'This account is not registered in your agency.',
  },
  'routing.label_invalid': {
    id: 'Label 1–40 karakter: huruf, angka, spasi, - atau _.',
    en: 'A label is 1–40 characters: letters, digits, spaces, - or _.',
  },
  'routing.order_mismatch': {
    id: 'Urutan harus menyebut setiap aturan tepat sekali; muat ulang halaman lalu coba lagi.',
    en: 'The order must name every rule exactly once; reload the page and try again.',
  },
})
