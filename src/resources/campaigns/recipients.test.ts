import { describe, expect, it } from 'vitest'
import { countCsvRecipients, countManualRecipients, isRecipientNumber } from './recipients.js'

describe('countCsvRecipients', () => {
  it.each([
    ['the documented header', 'phone_number\n+15550100001\n+15550100002\n', 2],
    ['one number per line, no header, no final newline', '+15550100001\n+15550100002', 2],
    ["the web app's template", 'name,phone_number,language\nAnn,+15550100001,en\n', 1],
    ['a header in another case and column', 'Name, Phone_Number \nAnn,+15550100001\n', 1],
    ['a BOM and CRLF', '\uFEFFphone_number\r\n+15550100001\r\n+15550100002\r\n', 2],
    ['old Mac CR line ends', 'phone_number\r+15550100001\r+15550100002', 2],
    [
      'quoted cells with commas and quotes',
      'name,phone_number\n"Doe, ""J""","+1 (555) 010-0001"\n',
      1,
    ],
    ['a quoted line break', 'name,phone_number\n"two\nlines",+15550100001\n', 1],
    ['empty and blank lines', 'phone_number\n\n+15550100001\n   \n\n+15550100002\n', 2],
    ['rows that are not numbers', 'phone_number\ncall me\n123\n+15550100001\n', 1],
  ])('counts %s', async (_, csv, count) => {
    expect(await countCsvRecipients(csv)).toEqual({ ok: true, count })
  })

  it('refuses a quote that never closes, naming the row', async () => {
    expect(await countCsvRecipients('phone_number\n"+15550100001\n')).toEqual({
      ok: false,
      problem: 'invalid',
      detail: 'quoted field unterminated in row 2',
    })
  })

  it.each([
    ['an empty file', ''],
    ['a header alone', 'phone_number\n'],
    ['a header without the phone_number column', 'name,phone\nAnn,+15550100001\n'],
  ])('finds no recipient in %s', async (_, csv) => {
    expect(await countCsvRecipients(csv)).toEqual({ ok: false, problem: 'empty' })
  })

  it('reads 10,000 lines', async () => {
    const csv = `phone_number\n${Array.from({ length: 10_000 }, (_, i) => `+1555${String(i).padStart(7, '0')}`).join('\n')}\n`
    expect(await countCsvRecipients(csv)).toEqual({ ok: true, count: 10_000 })
  })
})

describe('countManualRecipients', () => {
  it("counts the web app's manual numbers", () => {
    const json = JSON.stringify([
      { name: 'Ann', phone_number: '+15550100001', language: 'en' },
      { name: 'Bo', phone_number: 'nope', language: 'es' },
    ])
    expect(countManualRecipients(json)).toEqual({ ok: true, count: 1 })
  })

  it.each([
    ['not JSON', '[{'],
    ['not a list', '{"phone_number":"+15550100001"}'],
    ['no number', '[{}]'],
  ])('refuses %s', (_, json) => {
    expect(countManualRecipients(json)).toEqual({ ok: false, problem: 'invalid' })
  })

  it('finds no recipient in an empty list', () => {
    expect(countManualRecipients('[]')).toEqual({ ok: false, problem: 'empty' })
  })
})

it.each([
  ['+15550100001', true],
  ['+1 (555) 010-0001', true],
  ['555.010.0001', true],
  ['123456', false],
  ['+1234567890123456', false],
  ['call me', false],
  [undefined, false],
])('isRecipientNumber(%s) is %s', (cell, expected) => {
  expect(isRecipientNumber(cell)).toBe(expected)
})
