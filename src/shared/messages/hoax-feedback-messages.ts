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
})
