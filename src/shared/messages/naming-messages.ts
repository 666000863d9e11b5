// Naming conventions of official account handles: the pattern language, what a pattern gives each unit on each
// platform, and why a handle breaks its pattern.
import { defineMessages } from './define-messages.ts'

export const namingMessages = defineMessages({
  'naming.forbidden_read': {
    id: 'Anda tidak berwenang melihat pola nama akun.',
    en: 'You are not allowed to see the account naming patterns.',
  },
  'naming.invalid': {
    id: 'Pola nama tidak dapat disimpan: {count:number} pola perlu diperbaiki.',
    en: 'The naming patterns cannot be saved: {count:number} patterns need fixing.',
  },
  'naming.platform_unknown': {
    id: 'Platform tidak dikenal; pilih dari: {options:list}.',
    en: 'Unknown platform; choose one of: {options:list}.',
  },

  // The pattern language.
  'naming.pattern_empty': { id: 'Pola nama tidak boleh kosong.', en: 'A naming pattern cannot be empty.' },
  'naming.pattern_too_long': {
    id: 'Pola nama paling panjang {maximum} karakter.',
    en: 'A naming pattern has at most {maximum} characters.',
  },
  'naming.brace_unclosed': {
    id: 'Pola "{pattern}": kurung kurawal "{" di posisi {position} tidak ditutup "}".',
    en: 'Pattern "{pattern}": the brace "{" at position {position} is not closed with "}".',
  },
  'naming.brace_stray': {
    id: 'Pola "{pattern}": ada "}" tanpa "{" di posisi {position}.',
    en: 'Pattern "{pattern}": there is a "}" without "{" at position {position}.',
  },
  'naming.placeholder_invalid': {
    id: 'Pola "{pattern}": nama isian "{{name}}" hanya boleh huruf kecil, angka dan garis bawah, diawali huruf.',
    en: 'Pattern "{pattern}": the placeholder name "{{name}}" may only hold lower-case letters, digits and underscores, starting with a letter.',
  },
  'naming.pattern_space': {
    id: 'Pola "{pattern}": nama akun tidak boleh berisi spasi.',
    en: 'Pattern "{pattern}": a handle cannot contain spaces.',
  },

  // The pattern against the platform's handle rules: errors refuse the save, warnings are shown with it.
  'naming.characters_refused': {
    id: '{platform} tidak menerima karakter {characters} dalam nama akun; yang boleh: {allowed}.',
    en: '{platform} does not accept the characters {characters} in a handle; allowed: {allowed}.',
  },
  'naming.always_too_long': {
    id: 'Teks tetap pola ini saja sudah {length} karakter, padahal nama akun {platform} paling panjang {maximum}.',
    en: 'The fixed text of this pattern alone has {length} characters, but a {platform} handle has at most {maximum}.',
  },
  'naming.too_long_for_units': {
    id: 'Untuk {count:number} unit, nama dari pola ini lebih panjang dari {maximum} karakter yang diizinkan {platform}, misalnya {examples:list}.',
    en: 'For {count:number} units this pattern gives a name longer than the {maximum} characters {platform} allows, for example {examples:list}.',
  },
  'naming.refused_for_units': {
    id: 'Untuk {count:number} unit, nama dari pola ini tidak diterima {platform}, misalnya {examples:list}.',
    en: 'For {count:number} units this pattern gives a name {platform} does not accept, for example {examples:list}.',
  },
  'naming.attribute_unknown': {
    id: 'Belum ada unit yang punya atribut "{name}"; akun tidak dapat diperiksa sampai atribut itu diisi di halaman Unit kerja.',
    en: 'No unit has the attribute "{name}" yet; accounts cannot be checked until it is filled in on the Units page.',
  },
  'naming.attribute_missing_for_units': {
    id: '{count:number} unit belum punya atribut "{name}" (sendiri atau dari unit di atasnya), misalnya {examples:list}.',
    en: '{count:number} units have no attribute "{name}" (of their own or from a unit above), for example {examples:list}.',
  },

  // What the pattern gives one unit (the test box of the naming page).
  'naming.fits': {
    id: 'Sesuai aturan {platform} ({length} dari paling banyak {maximum} karakter).',
    en: 'Fits the {platform} rules ({length} of at most {maximum} characters).',
  },
  'naming.too_long': {
    id: 'Terlalu panjang untuk {platform}: {length} karakter, paling banyak {maximum}.',
    en: 'Too long for {platform}: {length} characters, at most {maximum}.',
  },
  'naming.missing_values': {
    id: 'Isian {names:list} belum punya nilai untuk unit ini; isi atributnya di halaman Unit kerja.',
    en: 'The placeholders {names:list} have no value for this unit; fill in the attributes on the Units page.',
  },
  'naming.wildcard_note': {
    id: 'Tanda * boleh diisi apa saja; panjang di atas dihitung tanpa isinya.',
    en: 'A * stands for anything; the length above counts it as empty.',
  },

  // Why a handle breaks its pattern.
  'naming.reason_uncheckable': {
    id: 'Nama akun "{handle}" tidak dapat diperiksa terhadap pola "{pattern}": isian {names:list} belum punya nilai untuk unit ini. Isi atribut unit tersebut.',
    en: 'The handle "{handle}" cannot be checked against the pattern "{pattern}": the placeholders {names:list} have no value for this unit. Fill in that unit attribute.',
  },
  'naming.reason_mismatch': {
    id: 'Nama akun "{handle}" tidak sesuai pola "{pattern}": seharusnya berbentuk "{expected}".',
    en: 'The handle "{handle}" does not follow the pattern "{pattern}": it should read "{expected}".',
  },
})
