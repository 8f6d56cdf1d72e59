/**
 * Field order in words: the fields that moved, and the first two that did not, in both orders;
 * `…` where fields are left out.
 */

/** Fields shown, besides the moved ones, from the start of each order. */
const CONTEXT_FIELDS = 2

/** The longest common subsequence of two key lists: the keys that kept their order. */
function keptInOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  )
  const at = (i: number, j: number): number => (lengths[i] as number[])[j] as number
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (lengths[i] as number[])[j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1))
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i] as string)
      i++
      j++
    } else if (at(i + 1, j) >= at(i, j + 1)) i++
    else j++
  }
  return kept
}

/** The keys to show of one order, `…` for each run left out. */
function abbreviate(keys: readonly string[], kept: ReadonlySet<string>): string {
  const context = new Set(keys.filter((key) => kept.has(key)).slice(0, CONTEXT_FIELDS))
  const parts: string[] = []
  for (const key of keys) {
    if (!kept.has(key) || context.has(key)) parts.push(key)
    else if (parts.at(-1) !== '…') parts.push('…')
  }
  return parts.join(', ')
}

/**
 * The difference between the order a backend sent fields in and the fake's, or `undefined` when
 * it is the same. Both lists hold the same keys.
 * @example describeOrder(['b', 'a', 'c', 'd'], ['a', 'c', 'd', 'b']) // 'b, a, c, … (the fake: a, c, …, b)'
 */
export function describeOrder(
  sent: readonly string[],
  expected: readonly string[],
): string | undefined {
  if (sent.every((key, index) => expected[index] === key)) return undefined
  const kept = keptInOrder(sent, expected)
  return `${abbreviate(sent, kept)} (the fake: ${abbreviate(expected, kept)})`
}
