// SLA clocks: reply targets and working hours, PPID cases (UU KIP), SP4N-LAPOR! referrals, reminders and escalations.
import { defineMessages } from './define-messages.ts'

export const slaMessages = defineMessages({
  'sla.targets_invalid': {
    id: 'Periksa jam kerja dan target balasan.',
    en: 'Check the working hours and reply targets.',
  },
  'sla.hours_start': { id: 'Isi jam mulai dengan format JJ:MM.', en: 'Enter the start time as HH:MM.' },
  'sla.hours_range': {
    id: 'Jam selesai harus JJ:MM dan setelah jam mulai; buka sedikitnya satu hari.',
    en: 'The end time must be HH:MM and after the start time; open on at least one day.',
  },
  'sla.target_range': {
    id: 'Target antara 0 dan {max} jam kerja, atau kosong untuk tanpa target.',
    en: 'A target is between 0 and {max} working hours, or empty for none.',
  },
  'ppid.case_invalid': {
    id: 'Periksa isian permohonan informasi.',
    en: 'Check the information request.',
  },
  'ppid.not_information_request': {
    id: 'Hanya pesan berjenis permohonan informasi yang dapat dijadikan perkara PPID (jenis pesan ini: {intent}).',
    en: 'Only a message classified as an information request can become a PPID case (this one: {intent}).',
  },
  'ppid.already_case': {
    id: 'Pesan ini sudah terdaftar sebagai permohonan nomor {number}.',
    en: 'This message is already registered as request number {number}.',
  },
  'ppid.received_in_future': {
    id: 'Tanggal diterima tidak boleh setelah hari ini.',
    en: 'The date received cannot be after today.',
  },
  'ppid.already_extended': {
    id: 'Jangka waktu sudah pernah diperpanjang (sampai {date:date}); UU KIP Pasal 22(8) hanya mengizinkan satu kali.',
    en: 'The deadline was already extended (to {date:date}); UU KIP Pasal 22(8) allows one extension only.',
  },
  'ppid.already_decided': {
    id: 'Pemberitahuan tertulis perkara ini sudah dikirim.',
    en: 'The written notice of this case has already been sent.',
  },
  'ppid.extension_reason_required': {
    id: 'Tuliskan alasan perpanjangan (wajib tertulis, Pasal 22(8)).',
    en: 'Write the reason for the extension (required in writing, Pasal 22(8)).',
  },
  'ppid.extension_days': {
    id: 'Perpanjangan 1 sampai {max} hari kerja.',
    en: 'An extension is 1 to {max} working days.',
  },
  'ppid.extension_too_late': {
    id: 'Perpanjangan harus dicatat paling lambat pada batas waktu semula ({date:date}).',
    en: 'An extension must be recorded by the original deadline ({date:date}).',
  },
  'ppid.notice_incomplete': {
    id: 'Pemberitahuan tertulis belum dapat dikirim: lengkapi butir {points} Pasal 22(7) ({fields}).',
    en: 'The written notice cannot be sent yet: complete point(s) {points} of Pasal 22(7) ({fields}).',
  },
  'ppid.notice_missing_a': {
    id: 'Butir (a): nyatakan apakah informasi dikuasai.',
    en: 'Point (a): say whether the information is held.',
  },
  'ppid.notice_missing_b': {
    id: 'Butir (b): sebutkan badan publik yang menguasai informasi, atau tandai tidak diketahui.',
    en: 'Point (b): name the public body that holds the information, or mark it unknown.',
  },
  'ppid.notice_missing_c': {
    id: 'Butir (c): pilih keputusan (diterima, diterima sebagian, ditolak, tidak dikuasai).',
    en: 'Point (c): choose the decision (granted, partly granted, refused, not held).',
  },
  'ppid.notice_missing_d': {
    id: 'Butir (d): sebutkan bahan informasi yang diberikan.',
    en: 'Point (d): state the material to be given.',
  },
  'ppid.notice_missing_e': {
    id: 'Butir (e): sebutkan bagian yang dihitamkan beserta alasannya.',
    en: 'Point (e): state the parts blacked out and why.',
  },
  'ppid.notice_missing_f': {
    id: 'Butir (f): isi cara penyampaian dan format informasi.',
    en: 'Point (f): enter the delivery method and format.',
  },
  'ppid.notice_missing_g': {
    id: 'Butir (g): isi biaya (0 bila gratis) dan cara pembayarannya.',
    en: 'Point (g): enter the cost (0 when free) and how to pay it.',
  },
  'ppid.notice_pasal_17': {
    id: 'Sebutkan huruf Pasal 17 (a–j) sebagai dasar; alasan bebas saja tidak cukup.',
    en: 'Cite a Pasal 17 letter (a–j) as the ground; free text alone is not enough.',
  },
  'ppid.notice_inconsistent': {
    id: 'Keputusan tidak sesuai dengan butir (a): informasi yang tidak dikuasai diputus "tidak dikuasai".',
    en: 'The decision contradicts point (a): information not held is decided as "not held".',
  },
  'ppid.objection_grounds': {
    id: 'Pilih sedikitnya satu alasan keberatan Pasal 35(1) huruf a–g.',
    en: 'Choose at least one objection ground of Pasal 35(1) a–g.',
  },
  'ppid.objection_before_request': {
    id: 'Keberatan tidak dapat diterima sebelum permohonannya.',
    en: 'An objection cannot be received before its request.',
  },
  'ppid.objection_not_open': {
    id: 'Keberatan dicatat setelah pemberitahuan dikirim atau setelah batas waktunya lewat.',
    en: 'An objection is recorded after the notice is sent or once its deadline has passed.',
  },
  'ppid.objection_too_late': {
    id: 'Keberatan terlambat: batas pengajuannya {date:date} (30 hari kerja sejak {ground:date}, Pasal 36(1) UU KIP). Keberatan yang diterima setelah tanggal itu tidak dapat dicatat.',
    en: 'The objection is late: the last day to file it was {date:date} (30 working days after {ground:date}, Pasal 36(1) UU KIP). An objection received after that day cannot be recorded.',
  },
  'ppid.objection_too_late_field': {
    id: 'Diterima setelah batas pengajuan keberatan ({date:date}).',
    en: 'Received after the last day to object ({date:date}).',
  },
  'ppid.objection_before_ground': {
    id: 'Keberatan baru dapat diterima setelah alasannya timbul ({date:date}).',
    en: 'An objection can only be received after its ground arose ({date:date}).',
  },
  'ppid.no_objection': {
    id: 'Perkara ini tidak sedang dalam keberatan.',
    en: 'This case has no objection awaiting an answer.',
  },
  'ppid.uphold_needs_reason': {
    id: 'Menguatkan penolakan wajib disertai alasan tertulis (Pasal 36(3)).',
    en: 'Upholding a refusal needs written reasons (Pasal 36(3)).',
  },
  'ppid.answer_date_range': {
    id: 'Tanggal tanggapan antara tanggal keberatan diterima dan hari ini.',
    en: 'The answer date is between the day the objection was received and today.',
  },
  'lapor.not_complaint': {
    id: 'Hanya pesan berjenis keluhan yang dapat dirujuk ke SP4N-LAPOR! (jenis pesan ini: {intent}).',
    en: 'Only a message classified as a complaint can be referred to SP4N-LAPOR! (this one: {intent}).',
  },
  'lapor.already_referred': {
    id: 'Keluhan ini sudah dirujuk ke SP4N-LAPOR!.',
    en: 'This complaint has already been referred to SP4N-LAPOR!.',
  },
  'lapor.referral_invalid': { id: 'Periksa isian rujukan LAPOR!.', en: 'Check the LAPOR! referral.' },
  'lapor.title_length': {
    id: 'Judul laporan paling panjang {max} karakter.',
    en: 'The report title is at most {max} characters.',
  },
  'lapor.out_of_scope_suspected': {
    id: 'Keluhan ini tampaknya di luar lingkup SP4N-LAPOR! ({kind}: rujuk ke {body}). Tandai di luar lingkup, atau nyatakan tetap dalam lingkup.',
    en: "This complaint looks outside SP4N-LAPOR!'s scope ({kind}: refer it to {body}). Mark it out of scope, or confirm it is in scope.",
  },
  'lapor.stage_order': {
    id: 'Tahap ini tidak dapat dicatat dari status "{status}".',
    en: 'This stage cannot be recorded from status "{status}".',
  },
  'lapor.stage_date': {
    id: 'Tanggal tahap antara tanggal diterima dan hari ini.',
    en: 'The stage date is between the day received and today.',
  },
  'sla.lead_range': {
    id: 'Isi bilangan bulat 0 sampai {max}.',
    en: 'Enter a whole number from 0 to {max}.',
  },
  'sla.reminder_reply': { id: 'Target balasan segera habis', en: 'Reply target running out' },
  'sla.reminder_kip': {
    id: 'Tenggat permohonan informasi segera habis',
    en: 'Information request deadline coming up',
  },
  'sla.reminder_kip_objection': {
    id: 'Tenggat tanggapan atasan PPID atas keberatan segera habis',
    en: 'The atasan PPID’s answer to an objection is coming due',
  },
  'sla.breached_kip_objection': {
    id: 'Tenggat tanggapan atasan PPID atas keberatan terlewati',
    en: 'The atasan PPID’s answer to an objection is overdue',
  },
  'sla.reminder_lapor': { id: 'Tenggat SP4N-LAPOR! segera habis', en: 'SP4N-LAPOR! deadline coming up' },
  'sla.breached_reply': { id: 'Target balasan terlewati', en: 'Reply target missed' },
  'sla.breached_kip': {
    id: 'Tenggat permohonan informasi terlewati',
    en: 'Information request deadline missed',
  },
  'sla.breached_lapor': { id: 'Tenggat SP4N-LAPOR! terlewati', en: 'SP4N-LAPOR! deadline missed' },
  'sla.reminder_body_time': {
    id: '{subject} jatuh tempo {due:datetime}. Tangani sebelum tenggat terlewati.',
    en: '{subject} is due {due:datetime}. Deal with it before the deadline passes.',
  },
  'sla.reminder_body_date': {
    id: '{subject} jatuh tempo {due:date}. Tangani sebelum tenggat terlewati.',
    en: '{subject} is due {due:date}. Deal with it before the deadline passes.',
  },
  'sla.breached_body_time': {
    id: '{subject} melewati tenggat {due:datetime} tanpa diselesaikan. Sebagai penanggung jawab unit, mohon tindak lanjuti.',
    en: '{subject} passed its deadline of {due:datetime} unresolved. As the unit’s penanggung jawab, please follow it up.',
  },
  'sla.breached_body_date': {
    id: '{subject} melewati tenggat {due:date} tanpa diselesaikan. Sebagai penanggung jawab unit, mohon tindak lanjuti.',
    en: '{subject} passed its deadline of {due:date} unresolved. As the unit’s penanggung jawab, please follow it up.',
  },
  'ppid.receipt_subject': {
    id: 'Permohonan informasi Anda terdaftar: {number}',
    en: 'Your information request is registered: {number}',
  },
  'ppid.receipt_body': {
    id: 'Yth. {name},\n\nPermohonan informasi publik Anda kami terima pada {received:date} dan terdaftar dengan nomor {number}. Pemberitahuan tertulis akan kami sampaikan paling lambat {due:date} (10 hari kerja, UU 14/2008 Pasal 22). Sebutkan nomor ini bila menghubungi kami.',
    en: 'Dear {name},\n\nWe received your request for public information on {received:date}; it is registered as number {number}. You will receive our written notice by {due:date} (10 working days, UU 14/2008 Pasal 22). Please quote this number when you contact us.',
  },
})
