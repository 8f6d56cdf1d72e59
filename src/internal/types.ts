/** `A | B` as `A & B`: every resource's part of a type merged into one. */
export type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never
