// The official account registry: the account form and the CSV import.
import { defineMessages } from './define-messages.ts'

export const accountsMessages = defineMessages({
  'accounts.choose_platform': { id: 'Pilih platform.', en: 'Choose a platform.' },
  'accounts.choose_penanggung_jawab': {
    id: 'Pilih penanggung jawab.',
    en: 'Choose the person responsible (penanggung jawab).',
  },
  'accounts.choose_pengelola': {
    id: 'Pilih pengguna pengelola.',
    en: 'Choose the user who manages the account (pengelola).',
  },
  'accounts.surat_tugas_number_required': {
    id: 'Isi nomor surat tugas.',
    en: 'Enter the number of the assignment letter (surat tugas).',
  },
  'accounts.csv_empty': { id: 'Berkas CSV kosong.', en: 'The CSV file is empty.' },
})
