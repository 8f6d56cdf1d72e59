/**
 * Escalations where the docs are silent (they have no escalations): the seed's choices, each a
 * row of docs/fidelity.md.
 */

/** How many escalations the seed gives each user who has conversations (3 to 5, as the notes suggest). */
export const ESCALATIONS_PER_USER = { min: 3, max: 5 } as const

/**
 * What a seeded escalation says: why it was raised, the caller's intent, a summary and an excerpt.
 * Each of the three the list searches is set, or the app hides the row (`EscalationsList.tsx:66-71`).
 */
export const ESCALATION_STORIES = [
  {
    trigger_reason: 'Caller asked for a human',
    intent: 'speak_to_agent',
    context_summary: 'The caller wants to change a booking and asked twice to talk to a person.',
    transcript_excerpt: 'User: Can I just talk to someone, please?',
  },
  {
    trigger_reason: 'Frustration detected',
    intent: 'billing_dispute',
    context_summary: 'The caller disputes a charge on the last invoice and is getting upset.',
    transcript_excerpt: 'User: This is the third time I am calling about this charge.',
  },
  {
    trigger_reason: 'Escalation keyword: refund',
    intent: 'refund_request',
    context_summary: 'The caller wants a refund for an order that arrived damaged.',
    transcript_excerpt: 'User: I want a refund, the box was crushed.',
  },
  {
    trigger_reason: 'Repeated failures to answer',
    intent: 'technical_support',
    context_summary: 'The assistant could not answer a question about the device setup.',
    transcript_excerpt: 'Assistant: I am sorry, I do not have that information.',
  },
  {
    trigger_reason: 'Caller asked for a manager',
    intent: 'complaint',
    context_summary: 'The caller complains about a late delivery and asks for a manager.',
    transcript_excerpt: 'User: Let me speak to your manager.',
  },
] as const

/** Who has handled the seeded escalations that are not pending. */
export const ESCALATION_HANDLERS = ['Jamie (support)', 'Alex (billing)', 'Sam (sales)'] as const
