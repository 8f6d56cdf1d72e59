/**
 * The metrics part of the store: the overview's figures, computed from the caller's conversations
 * on every read, so they always agree with `GET /conversations`.
 */
import type { StoreContext } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { CONVERSATIONS } from '../conversations/collection.js'
import type { ConversationRecord } from '../conversations/schemas.js'
import { COST_PER_MINUTE_USD } from './defaults.js'
import type { Metrics, PeriodMetrics } from './schemas.js'

/** Which calls count: one agent's, and a window of start times (both ends exclusive, in Unix seconds). */
export interface MetricsWindow {
  agentId?: string | undefined
  after?: number | undefined
  before?: number | undefined
}

/** Metrics, as `mock.store` offers them. */
export interface MetricsStore {
  /**
   * A user's figures over a window, and over the window of the same length before it (when the
   * window has both ends; otherwise the previous period is empty). Another user's agent counts no calls.
   */
  getMetrics(userId: number, window?: MetricsWindow): Metrics
}

const cents = (dollars: number): number => Math.round(dollars * 100) / 100

/** `m:ss`, as the overview shows a duration. */
function minutesAndSeconds(seconds: number): string {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** The figures of some calls. */
function periodOf(calls: readonly ConversationRecord[]): PeriodMetrics {
  const seconds = calls.reduce((sum, call) => sum + call.duration, 0)
  const cost = (seconds / 60) * COST_PER_MINUTE_USD
  return {
    numberOfCalls: calls.length,
    avgDuration: minutesAndSeconds(calls.length === 0 ? 0 : seconds / calls.length),
    totalCost: cents(cost),
    avgCost: calls.length === 0 ? 0 : cents(cost / calls.length),
  }
}

/** The metrics' store methods, over the store's conversations and agents. */
export function createMetricsStore(context: StoreContext): MetricsStore {
  const conversations = context.collection(CONVERSATIONS)
  const agents = context.collection(AGENTS)

  return {
    getMetrics(userId, window = {}) {
      const live = new Set([...agents.ownedBy(userId)].map((agent) => agent.id))
      const mine = [...conversations.ownedBy(userId)].filter(
        (call) =>
          live.has(call.agent_id) &&
          (window.agentId === undefined || call.agent_id === window.agentId),
      )
      const within = (after: number | undefined, before: number | undefined) =>
        mine.filter(
          (call) =>
            (after === undefined || call.start_time_unix_secs > after) &&
            (before === undefined || call.start_time_unix_secs < before),
        )
      const { after, before } = window
      const previous =
        after !== undefined && before !== undefined && before > after
          ? within(after - (before - after), after + 1)
          : []
      return { ...periodOf(within(after, before)), previousPeriodMetrics: periodOf(previous) }
    },
  }
}
