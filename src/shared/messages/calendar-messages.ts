// The working-day calendar: editing days, its settings, the deadline preview and the import of a year's table.
import { defineMessages } from './define-messages.ts'

export const calendarMessages = defineMessages({
  'calendar.day_invalid': {
    id: 'Periksa isian hari: tanggal, jenis dan keterangan.',
    en: 'Check the day: its date, kind and description.',
  },
  'calendar.name_required': {
    id: 'Isi keterangan hari (paling panjang 200 karakter).',
    en: 'Enter a description of the day (at most 200 characters).',
  },
  'calendar.day_exists': {
    id: 'Tanggal {date:date} sudah tercatat sebagai "{name}"; ubah hari itu alih-alih menambah.',
    en: '{date:date} is already recorded as "{name}"; change that day instead of adding another.',
  },
  'calendar.day_exists_field': { id: 'Tanggal ini sudah tercatat.', en: 'This date is already recorded.' },
  'calendar.date_taken': {
    id: 'Tanggal {date:date} sudah tercatat sebagai "{name}".',
    en: '{date:date} is already recorded as "{name}".',
  },
  'calendar.not_a_day': {
    id: 'Tanggal {date:date} bukan hari libur, cuti bersama atau hari kerja pengganti di kalender ini.',
    en: '{date:date} is not a holiday, cuti bersama or replacement working day in this calendar.',
  },
  'calendar.already_removed': {
    id: '"{name}" pada {date:date} sudah dihapus; pakai "Kembalikan" untuk memulihkannya.',
    en: '"{name}" on {date:date} has already been removed; use "Restore" to bring it back.',
  },
  'calendar.not_edited': {
    id: 'Tanggal {date:date} tidak diubah oleh instansi ini.',
    en: '{date:date} has not been changed by this agency.',
  },
  'calendar.too_many_days_off': {
    id: 'Paling sedikit dua hari dalam seminggu harus hari kerja.',
    en: 'At least two days of the week must be working days.',
  },
  'calendar.too_many_days_off_field': {
    id: 'Terlalu banyak hari libur mingguan.',
    en: 'Too many weekly days off.',
  },
  'calendar.working_days_range': {
    id: 'Jumlah hari kerja harus bilangan bulat 0–1000.',
    en: 'The number of working days must be a whole number from 0 to 1000.',
  },
  'calendar.working_days_field': { id: 'Bilangan bulat 0–1000.', en: 'A whole number from 0 to 1000.' },

  // Importing a year's table from a CSV file (date, kind, name).
  'calendar.import.has_errors': {
    id: '{count:number} baris berisi kesalahan; perbaiki berkasnya lalu impor lagi. Belum ada yang disimpan.',
    en: '{count:number} rows have errors; fix the file and import it again. Nothing has been saved.',
  },
  'calendar.import.unreadable': {
    id: 'Berkas CSV tidak dapat dibaca di baris {row}: periksa tanda kutip (").',
    en: 'The CSV file cannot be read at line {row}: check the quotation marks (").',
  },
  'calendar.import.empty': {
    id: 'Berkas tidak berisi baris data; baris pertama memuat nama kolom, baris berikutnya satu hari per baris.',
    en: 'The file has no data rows; the first line names the columns, then one day per line.',
  },
  'calendar.import.missing_columns': {
    id: 'Baris pertama harus memuat kolom tanggal, jenis dan keterangan (atau date, kind, name). Tidak ada: {columns:list}.',
    en: 'The first line must name the columns tanggal, jenis and keterangan (or date, kind, name). Missing: {columns:list}.',
  },
  'calendar.import.too_many_rows': {
    id: 'Paling banyak {maximum:number} baris per impor.',
    en: 'At most {maximum:number} rows per import.',
  },
  'calendar.import.date_invalid': {
    id: 'Tanggal "{value}" tidak dikenali; tulis TTTT-BB-HH (2027-01-01) atau HH/BB/TTTT (01/01/2027).',
    en: 'The date "{value}" is not recognised; write YYYY-MM-DD (2027-01-01) or DD/MM/YYYY (01/01/2027).',
  },
  'calendar.import.other_year': {
    id: 'Tanggal {date:date} tidak di tahun {year} yang sedang diimpor.',
    en: '{date:date} is not in {year}, the year being imported.',
  },
  'calendar.import.kind_invalid': {
    id: 'Jenis "{value}" tidak dikenal; pakai libur nasional, cuti bersama, libur daerah atau hari kerja pengganti.',
    en: 'Unknown kind "{value}"; use libur nasional (holiday), cuti bersama, libur daerah (regional holiday) or hari kerja pengganti (working day).',
  },
  'calendar.import.name_required': {
    id: 'Isi keterangan hari (paling panjang 200 karakter).',
    en: 'Enter a description of the day (at most 200 characters).',
  },
  'calendar.import.duplicate_date': {
    id: 'Tanggal {date:date} sudah ada di baris {row}.',
    en: '{date:date} is already on line {row}.',
  },
})
