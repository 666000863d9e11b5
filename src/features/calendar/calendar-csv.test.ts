import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { parseCalendarCsv, parseCsvDate, parseKind } from './calendar-csv.ts'

describe('parseCalendarCsv', () => {
  it('reads an Indonesian spreadsheet export with semicolons and day-first dates', () => {
    const csv = [
      'Tanggal;Jenis;Keterangan',
      '01/01/2027;Libur nasional;Tahun Baru Masehi',
      '2027-02-08;cuti bersama;Cuti Bersama Imlek',
      '17-8-2027;LIBUR_NASIONAL;Hari Kemerdekaan',
      '2027-04-20;libur daerah;Hari Jadi Kota',
      '2027-02-13;hari kerja pengganti;Pengganti cuti bersama',
    ].join('\r\n')
    const parsed = parseCalendarCsv(csv, 2027)
    expect(parsed.errors).toEqual([])
    expect(parsed.dataRows).toBe(5)
    expect(parsed.rows).toEqual([
      { row: 2, date: '2027-01-01', kind: 'holiday', name: 'Tahun Baru Masehi' },
      { row: 3, date: '2027-02-08', kind: 'cuti_bersama', name: 'Cuti Bersama Imlek' },
      { row: 4, date: '2027-08-17', kind: 'holiday', name: 'Hari Kemerdekaan' },
      { row: 5, date: '2027-04-20', kind: 'regional_holiday', name: 'Hari Jadi Kota' },
      { row: 6, date: '2027-02-13', kind: 'working_day', name: 'Pengganti cuti bersama' },
    ])
  })

  it('accepts the English column names and kinds with commas', () => {
    const parsed = parseCalendarCsv('date,kind,name\n2027-12-25,holiday,Christmas\n', 2027)
    expect(parsed.rows).toEqual([{ row: 2, date: '2027-12-25', kind: 'holiday', name: 'Christmas' }])
  })

  it('reports every problem of every row with the line it is on, and keeps the good rows', () => {
    const csv = [
      'tanggal,jenis,keterangan',
      '2027-01-01,holiday,Tahun Baru',
      '2027-02-30,holiday,Tanggal mustahil',
      '2026-12-31,holiday,Tahun lain',
      '2027-01-01,cuti bersama,Ganda',
      '2027-03-10,libur panjang,',
    ].join('\n')
    const parsed = parseCalendarCsv(csv, 2027)
    expect(parsed.rows.map((row) => row.row)).toEqual([2])
    expect(parsed.errors.map((error) => `${error.row} ${error.column} ${error.key}`)).toEqual([
      '3 tanggal calendar.import.date_invalid',
      '4 tanggal calendar.import.other_year',
      '5 tanggal calendar.import.duplicate_date',
      '6 jenis calendar.import.kind_invalid',
      '6 keterangan calendar.import.name_required',
    ])
    const duplicate = parsed.errors.find((error) => error.key === 'calendar.import.duplicate_date')!
    expect(formatMessage('id', duplicate.key, duplicate.params)).toBe(
      'Tanggal 1 Januari 2027 sudah ada di baris 2.',
    )
    expect(parsed.dataRows).toBe(5)
  })

  it('names the missing columns and refuses an empty or oversized file', () => {
    expect(parseCalendarCsv('tanggal,nama\n2027-01-01,x', 2027).errors).toEqual([
      { row: 1, column: '', key: 'calendar.import.missing_columns', params: { columns: ['jenis'] } },
    ])
    expect(parseCalendarCsv('tanggal,jenis,keterangan\n', 2027).errors[0]?.key).toBe('calendar.import.empty')
    const big = ['tanggal,jenis,keterangan', ...Array.from({ length: 401 }, () => '2027-01-01,holiday,x')]
    expect(parseCalendarCsv(big.join('\n'), 2027).errors[0]?.key).toBe('calendar.import.too_many_rows')
  })

  it('reports a broken quotation as an unreadable file, not a crash', () => {
    const parsed = parseCalendarCsv('tanggal,jenis,keterangan\n2027-01-01,holiday,"Tahun Baru\n', 2027)
    expect(parsed.errors[0]?.key).toBe('calendar.import.unreadable')
  })
})

describe('CSV cells', () => {
  it('understands the kinds in both languages whatever the case and separators', () => {
    expect(parseKind('Libur Nasional')).toBe('holiday')
    expect(parseKind('cuti_bersama')).toBe('cuti_bersama')
    expect(parseKind('Regional-Holiday')).toBe('regional_holiday')
    expect(parseKind('Hari Kerja Pengganti')).toBe('working_day')
    expect(parseKind('libur panjang')).toBeUndefined()
  })

  it('reads ISO and day-first dates and refuses impossible ones', () => {
    expect(parseCsvDate('2027-03-10')).toBe('2027-03-10')
    expect(parseCsvDate('10/3/2027')).toBe('2027-03-10')
    expect(parseCsvDate('10.03.2027')).toBe('2027-03-10')
    expect(parseCsvDate('31/04/2027')).toBeUndefined()
    expect(parseCsvDate('03/10/27')).toBeUndefined()
  })
})
