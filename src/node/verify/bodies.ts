/**
 * Request bodies built from an endpoint's body schema: a blank one (every required text empty),
 * which no backend can sign anybody in or up with, and a minimal valid one, for a create the docs
 * give no example of.
 */
import type * as z from 'zod'

type Fill = 'blank' | 'minimal'

function unwrapped(schema: z.ZodType): z.ZodType {
  const def = schema.def as z.ZodType['def'] & { innerType?: z.ZodType; in?: z.ZodType }
  if (def.type === 'pipe' && def.in !== undefined) return unwrapped(def.in)
  if ((def.type === 'nullable' || def.type === 'readonly') && def.innerType !== undefined)
    return unwrapped(def.innerType)
  return schema
}

function isOptional(schema: z.ZodType): boolean {
  return schema.def.type === 'optional' || schema.def.type === 'default'
}

function fill(given: z.ZodType, how: Fill, text: string): unknown {
  const schema = unwrapped(given)
  const def = schema.def as z.ZodType['def'] & Record<string, unknown>
  switch (def.type as string) {
    case 'object': {
      const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>
      return Object.fromEntries(
        Object.entries(shape)
          .filter(([, field]) => !isOptional(field))
          .map(([name, field]) => [name, fill(field, how, text)]),
      )
    }
    case 'string':
      return how === 'blank' ? '' : text
    case 'enum':
      return how === 'blank' ? '' : (schema as z.ZodEnum).options[0]
    case 'literal':
      return (def['values'] as unknown[])[0]
    case 'number':
      return how === 'blank' ? 0 : 1
    case 'boolean':
      return false
    case 'array':
      return []
    case 'union':
      return fill((def['options'] as z.ZodType[])[0] as z.ZodType, how, text)
    default:
      return how === 'blank' ? null : {}
  }
}

/**
 * The body with every required field blank: `{"user":{"email":"","password":""}}`. Optional
 * fields are left out.
 */
export function blankBody(schema: z.ZodType): unknown {
  return fill(schema, 'blank', '')
}

/** A body with every required field set: text to `text`, an enum to its first value. */
export function minimalBody(schema: z.ZodType, text: string): unknown {
  return fill(schema, 'minimal', text)
}
