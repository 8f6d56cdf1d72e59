import { expect, it } from 'vitest'
import { pageByOffset } from './pagination.js'

it.each([
  // [offset, size, data, has more, next offset]
  [0, 2, ['a', 'b'], true, 2],
  [2, 2, ['c', 'd'], true, 4],
  [4, 2, ['e'], false, null],
  [0, 10, ['a', 'b', 'c', 'd', 'e'], false, null],
  // Past the end: an empty last page.
  [9, 2, [], false, null],
] as const)('pages from %i by %i', (offset, size, data, hasMore, nextOffset) => {
  expect(pageByOffset(['a', 'b', 'c', 'd', 'e'], offset, size)).toEqual({
    data,
    total: 5,
    hasMore,
    nextOffset,
  })
})
