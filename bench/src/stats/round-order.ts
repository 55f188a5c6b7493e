/**
 * The order in which `count` contenders (or targets) run in one round of an interleaved benchmark:
 * a row of a Williams design. Over every block of `count` rounds (`2 × count` when `count` is odd)
 * each contender runs once in each position and right after every other contender equally often.
 *
 * A plain rotation keeps the cyclic order, so the same contender always follows the same other one
 * and pays for what that one leaves behind (garbage to collect, finalizers due, a connection left
 * idle). A Williams design spreads those carry-over costs over every contender alike.
 *
 * @param count - how many contenders
 * @param round - the round, from 0
 * @returns the contenders' indices, in the order they run this round
 * @example
 * ```ts
 * roundOrder(4, 0) // [0, 1, 3, 2]
 * roundOrder(4, 1) // [1, 2, 0, 3]
 * ```
 */
export function roundOrder(count: number, round: number): number[] {
  // The first row: 0, 1, n-1, 2, n-2, …; the others add the row number, modulo n.
  const first = [0]
  for (let low = 1, high = count - 1; first.length < count; ) {
    first.push(first.length % 2 === 1 ? low++ : high--)
  }
  const row = round % (count % 2 === 0 ? count : 2 * count)
  const order = first.map((index) => (index + row) % count)
  // For an odd count the second half of the block repeats the first half reversed.
  return row < count ? order : order.reverse()
}
