import type { Seeder } from '../../store/context.js'

/** Metrics seed nothing: they follow the conversations' seed. */
export function seedMetrics(_seeder: Seeder): void {}
