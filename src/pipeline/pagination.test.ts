import { describe, expect, it } from 'vitest'
import {
  decodeCursor,
  encodeCursor,
  pageByOffset,
  pageDownward,
  partitionPoint,
} from './pagination.js'

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

describe('keyset paging', () => {
  const items = [1, 3, 3, 5, 7, 9]

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 3],
    [9, 5],
    [10, 6],
  ])('finds where items below %i end: %i', (bound, index) => {
    expect(partitionPoint(items, (n) => n < bound)).toBe(index)
  })

  it('finds the point in an empty list and in a million items by a few comparisons', () => {
    expect(partitionPoint([], () => true)).toBe(0)
    const million = Array.from({ length: 1_000_000 }, (_, i) => i)
    let comparisons = 0
    const at = partitionPoint(million, (n) => {
      comparisons++
      return n < 654_321
    })
    expect(at).toBe(654_321)
    expect(comparisons).toBeLessThanOrEqual(21)
  })

  it('reads a page from the top down and says whether more match below it', () => {
    expect(pageDownward(items, { start: 0, end: 6, size: 2 })).toEqual({
      data: [9, 7],
      hasMore: true,
    })
    expect(pageDownward(items, { start: 0, end: 4, size: 4 })).toEqual({
      data: [5, 3, 3, 1],
      hasMore: false,
    })
    expect(pageDownward(items, { start: 2, end: 6, size: 9 }).data).toEqual([9, 7, 5, 3])
    expect(pageDownward(items, { start: 3, end: 3, size: 2 })).toEqual({ data: [], hasMore: false })
  })

  it('keeps only matching items, and looks past the page for one more match', () => {
    const odd = (n: number) => n % 3 === 0
    expect(pageDownward(items, { start: 0, end: 6, size: 1, matches: odd })).toEqual({
      data: [9],
      hasMore: true,
    })
    expect(pageDownward([3, 4, 5, 9], { start: 0, end: 3, size: 1, matches: odd })).toEqual({
      data: [3],
      hasMore: false,
    })
  })

  it('walks only the items of the page and one more, however long the list', () => {
    const million = Array.from({ length: 1_000_000 }, (_, i) => i)
    let walked = 0
    const page = pageDownward(million, {
      start: 0,
      end: 500_000,
      size: 30,
      matches: () => ++walked > 0,
    })
    expect(page.data[0]).toBe(499_999)
    expect(page.data).toHaveLength(30)
    expect(walked).toBe(31)
  })
})

describe('cursors', () => {
  const scope = JSON.stringify([1, '123', null])
  const key = [1_705_314_600, 'conv_abc123']

  it('reads back the key it sealed, as opaque base64url text', () => {
    const cursor = encodeCursor(key, scope)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor, scope)).toEqual(key)
    expect(decodeCursor(encodeCursor(['ünïcode ✓', -1.5, 0], scope), scope)).toEqual([
      'ünïcode ✓',
      -1.5,
      0,
    ])
  })

  it("refuses another scope's cursor: another caller, another filter", () => {
    const cursor = encodeCursor(key, scope)
    expect(decodeCursor(cursor, JSON.stringify([2, '123', null]))).toBeUndefined()
    expect(decodeCursor(cursor, JSON.stringify([1, '124', null]))).toBeUndefined()
    expect(decodeCursor(cursor, '')).toBeUndefined()
  })

  it('refuses random, truncated and edited text', () => {
    const cursor = encodeCursor(key, scope)
    const edited = btoa(atob(cursor).replace('1705314600', '1705314601')).replace(/=+$/, '')
    for (const text of [
      '',
      'abc',
      'not a cursor!',
      '%%%',
      cursor.slice(0, -1),
      cursor.slice(0, -4),
      cursor.slice(1),
      `${cursor}A`,
      edited,
      btoa('[]'),
      btoa('{"a":1}'),
      btoa('[1,"x"]'),
      btoa('[[1],"0123456789abcdef"]'),
      btoa('\u00ff\u00fe'),
      'x'.repeat(10_000),
    ])
      expect(decodeCursor(text, scope), text).toBeUndefined()
  })
})
