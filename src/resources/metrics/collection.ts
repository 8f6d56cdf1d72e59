/** Metrics keep no records: they are computed from the conversations on every read. */
export const COLLECTIONS = [] as const
