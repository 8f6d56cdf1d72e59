/**
 * Arbitrary `multipart/form-data` bodies, mostly broken: boundaries missing, mismatched, too long
 * or quoted; parts without headers, huge or missing; file names that are not UTF-8; CSV files with
 * quotes, a BOM, CRLF, empty lines and 100,000 lines; nested (`a[b][c]`) and duplicated fields.
 */
import fc from 'fast-check'

const encoder = new TextEncoder()

/** The field names a form of this API could carry, plus every shape Rack nests or repeats. */
const fieldName = fc.oneof(
  fc.constantFrom(
    'campaign[name]',
    'campaign[agent_id]',
    'campaign[file]',
    'campaign[contacts][][phone_number]',
    'file',
    'csv_file',
    'agent[name]',
    'api_key[name]',
    'integration[config][api_key]',
    'ids[]',
    'a[b][c][d][e][f]',
    'a[]b',
    '[]',
    '__proto__',
    '__proto__[polluted]',
    'constructor[prototype][polluted]',
    'name',
  ),
  fc.string({ maxLength: 30 }),
)

/** A file name as raw bytes: ASCII, UTF-8, Latin-1 (not UTF-8), random, traversal, or RFC 5987. */
const fileName = fc.oneof(
  fc.constantFrom('contacts.csv', '../../etc/passwd', 'a"b.csv', 'x\r\ny.csv', ''),
  fc.string({ unit: 'binary', maxLength: 20 }).map((name) => encoder.encode(name)),
  fc.uint8Array({ minLength: 1, maxLength: 24 }),
  fc.constant(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x63, 0x73, 0x76])), // café.csv, Latin-1
)

const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '"',
    '""',
    'a,b',
    '"quoted ""twice"""',
    '\n',
    '\r\n',
    '+15550100',
    '=SUM(A1)',
    '',
  ),
)

const csvRow = fc
  .tuple(fc.array(csvCell, { maxLength: 6 }), fc.boolean())
  .map(([cells, quoted]) =>
    cells.map((cell) => (quoted ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','),
  )

let hundredThousandLines: Uint8Array | undefined
/** 100,000 short lines (~0.6 MB, under the body limit), with a header row and CRLF. */
function hundredThousandLineCsv(): Uint8Array {
  hundredThousandLines ??= encoder.encode(
    `phone_number,name\r\n${Array.from({ length: 100_000 }, (_, i) => `+1${i},n`).join('\r\n')}`,
  )
  return hundredThousandLines
}

/** A CSV file: BOM or not, any line ending, empty lines, a header row or not. */
const csv = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({
        bom: fc.boolean(),
        eol: fc.constantFrom('\r\n', '\n', '\r'),
        header: fc.boolean(),
        rows: fc.array(fc.oneof(csvRow, fc.constant('')), { maxLength: 20 }),
        trailing: fc.boolean(),
      })
      .map(({ bom, eol, header, rows, trailing }) =>
        encoder.encode(
          `${bom ? '\uFEFF' : ''}${header ? `phone_number,name${eol}` : ''}${rows.join(eol)}${trailing ? eol : ''}`,
        ),
      ),
  },
  { weight: 1, arbitrary: fc.constant(null).map(hundredThousandLineCsv) },
)

/** A part's content: text, CSV, bytes, nothing, or more than the body limit. */
const content = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }).map((text) => encoder.encode(text)) },
  { weight: 6, arbitrary: csv },
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.constant(new Uint8Array(0)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 2 })
      .map((mb) => new Uint8Array(mb * 1024 * 1024 + 1).fill(0x78)),
  },
)

const part = fc.record({
  name: fieldName,
  fileName: fc.option(fileName, { nil: undefined }),
  contentType: fc.option(
    fc.constantFrom(
      'text/csv',
      'application/octet-stream',
      'text/plain; charset=latin1',
      'application/json',
      '',
    ),
    { nil: undefined },
  ),
  headers: fc.constantFrom('full', 'none', 'no-disposition', 'unquoted'),
  content,
})

const boundary = fc.oneof(
  fc.stringMatching(/^[0-9A-Za-z'()+_,./:=?-]{1,70}$/),
  fc.constantFrom('', ' ', 'x'.repeat(71), 'x'.repeat(1000), '--', 'a b', 'a;b', 'é'),
  fc.string({ maxLength: 20 }),
)

export interface MultipartCase {
  contentType: string
  body: Uint8Array
}

const concat = (chunks: (string | Uint8Array)[]): Uint8Array =>
  Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk)))

/** A whole request body and its `Content-Type`, well formed or broken in one of many ways. */
export const multipartCase: fc.Arbitrary<MultipartCase> = fc
  .record({
    boundary,
    /** Another boundary in the header than in the body. */
    headerBoundary: fc.option(boundary, { nil: undefined }),
    contentTypeShape: fc.constantFrom(
      'plain',
      'quoted',
      'missing',
      'empty',
      'extra-params',
      'mixed',
    ),
    parts: fc.array(part, { maxLength: 6 }),
    eol: fc.constantFrom('\r\n', '\r\n', '\n'),
    closing: fc.constantFrom('proper', 'proper', 'missing', 'no-final-dashes', 'garbage-after'),
    /** Cut the body after this fraction of its bytes. */
    truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ boundary: inBody, headerBoundary, contentTypeShape, parts, eol, closing, truncate }) => {
    const declared = headerBoundary ?? inBody
    const contentType = {
      plain: `multipart/form-data; boundary=${declared}`,
      quoted: `multipart/form-data; boundary="${declared}"`,
      missing: 'multipart/form-data',
      empty: 'multipart/form-data; boundary=',
      'extra-params': `Multipart/Form-Data; charset=utf-8; boundary=${declared}; x=y`,
      mixed: `multipart/mixed; boundary=${declared}`,
    }[contentTypeShape]
    const chunks: (string | Uint8Array)[] = []
    for (const { name, fileName: file, contentType: type, headers, content: bytes } of parts) {
      chunks.push(`--${inBody}${eol}`)
      if (headers !== 'none') {
        if (headers !== 'no-disposition') {
          const quoted = headers === 'unquoted' ? name : `"${name}"`
          chunks.push(`Content-Disposition: form-data; name=${quoted}`)
          if (file !== undefined)
            chunks.push('; filename="', typeof file === 'string' ? file : file, '"')
          chunks.push(eol)
        }
        if (type !== undefined) chunks.push(`Content-Type: ${type}${eol}`)
      }
      chunks.push(eol, bytes, eol)
    }
    chunks.push(
      {
        proper: `--${inBody}--${eol}`,
        missing: '',
        'no-final-dashes': `--${inBody}${eol}`,
        'garbage-after': `--${inBody}--${eol}\u0000garbage--${inBody}`,
      }[closing],
    )
    const body = concat(chunks)
    return {
      contentType,
      body:
        truncate === undefined ? body : body.subarray(0, Math.floor(body.byteLength * truncate)),
    }
  })
