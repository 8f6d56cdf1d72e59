/** The API's timestamp format: ISO 8601 UTC, `Z` suffix, no fractional seconds. */
export function toTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

/** Whole seconds since the Unix epoch. */
export function toEpochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}
