// The unit tree (unit kerja): creating, renaming, moving and archiving units.
import { defineMessages } from './define-messages.ts'

export const unitsMessages = defineMessages({
  'units.contact_too_long': {
    id: 'Kontak unit paling panjang {maximum:number} karakter.',
    en: 'The unit contact is at most {maximum:number} characters.',
  },
  'units.not_found': { id: 'Unit tidak ditemukan.', en: 'Unit not found.' },
  'units.code_taken': {
    id: 'Kode unit "{code}" sudah dipakai unit lain di instansi ini.',
    en: 'The unit code "{code}" is already used by another unit of this instansi.',
  },
  'units.code_taken_field': { id: 'Kode sudah dipakai.', en: 'Code already in use.' },
  'units.code_invalid': {
    id: 'Kode unit 1–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung, diawali huruf/angka.',
    en: 'A unit code has 1–40 characters: letters, digits, dots, underscores or hyphens, starting with a letter or digit.',
  },
  'units.code_invalid_field': { id: 'Kode unit tidak valid.', en: 'Not a valid unit code.' },
  'units.name_invalid': {
    id: 'Nama unit wajib diisi, paling panjang 200 karakter.',
    en: 'A unit name is required, at most 200 characters.',
  },
  'units.name_required': { id: 'Isi nama unit.', en: 'Enter the unit name.' },
  'units.too_many_attributes': {
    id: 'Paling banyak {maximum} atribut per unit.',
    en: 'At most {maximum} attributes per unit.',
  },
  'units.too_many_attributes_field': { id: 'Terlalu banyak atribut.', en: 'Too many attributes.' },
  'units.attribute_name_invalid': {
    id: 'Nama atribut "{key}" tidak valid: huruf kecil, angka, garis bawah, diawali huruf; "instansi" dan "unit" sudah terpakai.',
    en: 'The attribute name "{key}" is not valid: lower-case letters, digits and underscores, starting with a letter; "instansi" and "unit" are taken.',
  },
  'units.attribute_name_invalid_field': {
    id: 'Nama atribut tidak valid.',
    en: 'Not a valid attribute name.',
  },
  'units.attribute_value_too_long': {
    id: 'Nilai atribut "{key}" paling panjang {maximum} karakter.',
    en: 'The value of attribute "{key}" may have at most {maximum} characters.',
  },
  'units.parent_archived': {
    id: 'Unit induk sudah diarsipkan; pulihkan dulu unit induknya.',
    en: 'The parent unit is archived; restore the parent unit first.',
  },
  'units.target_archived': {
    id: 'Unit tujuan sudah diarsipkan; pilih unit lain atau pulihkan dulu.',
    en: 'The target unit is archived; choose another unit or restore it first.',
  },
  'units.tree_changed': {
    id: 'Struktur unit baru saja berubah; muat ulang lalu coba lagi.',
    en: 'The unit tree has just changed; reload and try again.',
  },
  'units.root_cannot_move': {
    id: 'Unit puncak (akar) instansi tidak dapat dipindahkan.',
    en: 'The top (root) unit of the instansi cannot be moved.',
  },
  'units.cannot_move_under_itself': {
    id: 'Unit tidak dapat dipindahkan ke bawah dirinya sendiri.',
    en: 'A unit cannot be moved under itself.',
  },
  'units.cannot_move_under_descendant': {
    id: 'Unit tidak dapat dipindahkan ke bawah unit turunannya sendiri.',
    en: 'A unit cannot be moved under one of its own descendants.',
  },
  'units.root_cannot_archive': {
    id: 'Unit puncak (akar) instansi tidak dapat diarsipkan.',
    en: 'The top (root) unit of the instansi cannot be archived.',
  },
  'units.still_active_below': {
    id: 'Unit ini masih punya {units} unit aktif di bawahnya dan {accounts} akun aktif. Pindahkan atau arsipkan dulu, atau kirim "force": true untuk mengarsipkan unit beserta seluruh unit di bawahnya.',
    en: 'This unit still has {units} active units below it and {accounts} active accounts. Move or archive them first, or send "force": true to archive the unit with every unit below it.',
  },
  'units.needs_confirmation': { id: 'Perlu konfirmasi.', en: 'Needs confirmation.' },
  'units.parent_also_archived': {
    id: 'Unit induk "{name}" juga diarsipkan; pulihkan unit induk lebih dulu.',
    en: 'The parent unit "{name}" is archived too; restore the parent unit first.',
  },
})
