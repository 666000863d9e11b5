// Drafts and the composer: the platform rules a variant breaks, the 5W+1H checklist of a news post, submission
// and the compliance override, and media uploads.
import { defineMessages } from './define-messages.ts'

export const postsMessages = defineMessages({
  // A variant against its platform (shared/validate-variant.ts).
  'posts.text_required': {
    id: 'Tulis teks unggahan atau lampirkan media.',
    en: 'Write the post text or attach media.',
  },
  'posts.too_long_x_weighted': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} karakter berbobot (tautan dihitung 23, emoji 2).',
    en: 'Text too long for {platform}: {length:number} of {limit:number} weighted characters (links count 23, emoji 2).',
  },
  'posts.too_long_graphemes': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} karakter.',
    en: 'Text too long for {platform}: {length:number} of {limit:number} characters.',
  },
  'posts.too_long_emoji_bytes': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} karakter (setiap emoji dihitung sebanyak byte-nya, umumnya 4).',
    en: 'Text too long for {platform}: {length:number} of {limit:number} characters (each emoji counts as its bytes, usually 4).',
  },
  'posts.too_long_code_points': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} karakter.',
    en: 'Text too long for {platform}: {length:number} of {limit:number} characters.',
  },
  'posts.too_long_mastodon': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} karakter (tautan dihitung 23, sebutan akun server lain tanpa domainnya).',
    en: 'Text too long for {platform}: {length:number} of {limit:number} characters (links count 23, a mention of another server’s account without its domain).',
  },
  'posts.too_long_utf16_units': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} karakter (emoji dihitung 2).',
    en: 'Text too long for {platform}: {length:number} of {limit:number} characters (emoji count 2).',
  },
  'posts.too_long_utf8_bytes': {
    id: 'Teks terlalu panjang untuk {platform}: {length:number} dari {limit:number} byte (huruf beraksen dan emoji dihitung lebih dari 1).',
    en: 'Text too long for {platform}: {length:number} of {limit:number} bytes (accented letters and emoji count more than 1).',
  },
  'posts.hashtag_invalid': {
    id: 'Tagar {tag} tidak sah: gunakan huruf, angka atau garis bawah tanpa spasi, dan jangan hanya angka.',
    en: 'Hashtag {tag} is not valid: use letters, digits or underscores without spaces, not digits only.',
  },
  'posts.mention_invalid': {
    id: '{mention} bukan nama akun {platform} yang sah; periksa ejaannya.',
    en: '{mention} is not a valid {platform} account name; check its spelling.',
  },
  'posts.too_many_hashtags': {
    id: '{platform} menerima paling banyak {limit:number} tagar; teks ini memuat {count:number}.',
    en: '{platform} takes at most {limit:number} hashtags; this text has {count:number}.',
  },
  'posts.images_not_allowed': {
    id: '{platform} tidak menerima gambar dalam unggahan; lampirkan video.',
    en: '{platform} does not take images in a post; attach a video.',
  },
  'posts.too_many_images': {
    id: '{platform} menerima paling banyak {limit:number} gambar; lampiran ini {count:number}.',
    en: '{platform} takes at most {limit:number} images; {count:number} are attached.',
  },
  'posts.video_not_allowed': {
    id: '{platform} tidak menerima video.',
    en: '{platform} does not take video.',
  },
  'posts.one_video_alone': {
    id: 'Untuk {platform}, lampirkan satu video saja tanpa gambar lain.',
    en: 'For {platform}, attach one video alone, without other images.',
  },
  'posts.video_required': {
    id: 'Unggahan {platform} memerlukan satu video.',
    en: 'A {platform} post needs a video.',
  },
  'posts.media_required': {
    id: 'Unggahan {platform} memerlukan paling sedikit satu gambar atau video.',
    en: 'A {platform} post needs at least one image or video.',
  },
  'posts.alt_text_required': {
    id: 'Isi teks alternatif gambar ini (deskripsi untuk pembaca layar); {platform} menampilkannya.',
    en: 'Write the alt text of this image (a description for screen readers); {platform} shows it.',
  },

  // The draft.
  'posts.not_found': { id: 'Unggahan tidak ditemukan.', en: 'Post not found.' },
  'posts.invalid': {
    id: 'Periksa unggahan: {count:number} isian perlu diperbaiki.',
    en: 'Check the post: {count:number} fields need fixing.',
  },
  'posts.title_required': { id: 'Isi judul unggahan.', en: 'Enter the title of the post.' },
  'posts.five_w_required': {
    id: 'Berita memerlukan jawaban 5W+1H: isi "{question}".',
    en: 'A news post needs its 5W+1H answers: fill in "{question}".',
  },
  'posts.targets_required': {
    id: 'Pilih paling sedikit satu akun tujuan.',
    en: 'Choose at least one target account.',
  },
  'posts.target_not_allowed': {
    id: 'Anda tidak dapat mengunggah ke akun ini; pilih akun unit Anda.',
    en: 'You cannot post to this account; choose an account of your units.',
  },
  'posts.target_not_posting': {
    id: 'Akun ini tidak dapat menerima unggahan (platform kontak saja atau akun tidak aktif).',
    en: 'This account cannot take posts (a contact-only platform or an inactive account).',
  },
  'posts.variant_not_target': {
    id: 'Varian ini untuk akun yang tidak dipilih sebagai tujuan.',
    en: 'This variant is for an account that is not among the targets.',
  },
  'posts.media_not_found': {
    id: 'Media ini tidak ditemukan; unggah ulang berkasnya.',
    en: 'This media file was not found; upload it again.',
  },
  'posts.unit_required': {
    id: 'Pilih unit yang menerbitkan unggahan.',
    en: 'Choose the unit that publishes the post.',
  },
  'posts.unit_not_allowed': {
    id: 'Anda tidak dapat membuat unggahan untuk unit ini.',
    en: 'You cannot create posts for this unit.',
  },
  'posts.not_reschedulable': {
    id: 'Hanya unggahan yang disetujui dan belum diunggah yang dapat dijadwalkan ulang (status "{status}").',
    en: 'Only an approved post not yet being published can be rescheduled (state "{status}").',
  },
  'posts.not_editable': {
    id: 'Unggahan berstatus "{status}" tidak dapat diubah lagi.',
    en: 'A post in state "{status}" can no longer be changed.',
  },
  'posts.version_conflict': {
    id: 'Unggahan ini baru saja diubah orang lain; muat ulang lalu ulangi perubahan Anda.',
    en: 'Someone else has just changed this post; reload it and make your change again.',
  },
  'posts.not_author': {
    id: 'Hanya penulis yang dapat mengubah atau mengajukan draf ini.',
    en: 'Only the author can change or submit this draft.',
  },
  'posts.scheduled_in_past': {
    id: 'Waktu tayang sudah lewat; pilih waktu yang akan datang.',
    en: 'The scheduled time has passed; choose a time to come.',
  },
  // The content calendar (list-calendar-posts.ts).
  'posts.calendar_range': {
    id: 'Rentang kalender harus berakhir setelah awalnya dan paling lama {max:number} hari.',
    en: 'The calendar range must end after it starts and span at most {max:number} days.',
  },

  // Submission and compliance.
  'posts.blocked_by_findings': {
    id: 'Unggahan belum dapat diajukan: {count:number} temuan kepatuhan harus diperbaiki lebih dulu (atau dikecualikan oleh penanggung jawab dengan alasan tertulis).',
    en: 'The post cannot be submitted yet: {count:number} compliance findings must be fixed first (or overridden by the penanggung jawab with a written reason).',
  },
  'posts.finding': { id: '{message}', en: 'Compliance finding (in Bahasa Indonesia): {message}' },
  'posts.variants_invalid': {
    id: 'Unggahan belum dapat diajukan: {count:number} varian tidak memenuhi aturan platformnya.',
    en: 'The post cannot be submitted yet: {count:number} variants break their platform rules.',
  },
  'posts.override_reason_required': {
    id: 'Tulis alasan pengecualian (paling sedikit 10 karakter).',
    en: 'Write the reason for the override (at least 10 characters).',
  },
  'posts.override_not_allowed': {
    id: 'Hanya penanggung jawab unit unggahan ini yang dapat mengecualikan temuan kepatuhan.',
    en: "Only a penanggung jawab of this post's unit can override compliance findings.",
  },
  'posts.override_nothing': {
    id: 'Tidak ada temuan pemblokir yang perlu dikecualikan.',
    en: 'There is no blocking finding to override.',
  },

  // Media.
  'media.not_found': { id: 'Media tidak ditemukan.', en: 'Media not found.' },
  'media.type_refused': {
    id: 'Jenis berkas ini tidak diterima (terbaca sebagai {detected}); unggah gambar JPEG, PNG, WebP atau GIF, atau video MP4.',
    en: 'This file type is not accepted (read as {detected}); upload a JPEG, PNG, WebP or GIF image, or an MP4 video.',
  },
  'media.too_large': {
    id: 'Berkas terlalu besar: {kind} paling besar {limit} MB.',
    en: 'File too large: a {kind} may be at most {limit} MB.',
  },
  'media.empty': { id: 'Berkas kosong.', en: 'The file is empty.' },
  'media.image_unreadable': {
    id: 'Gambar ini tidak dapat dibaca; simpan ulang dari aplikasi pengolah gambar.',
    en: 'This image cannot be read; save it again from an image editor.',
  },
})
