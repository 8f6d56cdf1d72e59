/**
 * The store as the library's callers reach it (`mock.store`): every argument is checked before
 * anything changes. Each resource says how its methods are checked (`StoreCalls`, beside its
 * store); one wrapper applies them all. A change with a bad argument throws a `TypeError` naming
 * it; a lookup with an argument that cannot name anything finds nothing, as a lookup of a missing
 * id does. The core calls the store behind it directly: a request was cast and validated as Rails
 * would, and a problem with it is the API's 422, not an exception.
 */
import * as z from 'zod'
import { checkInput, PositiveIntegerSchema } from '../internal/input-validation.js'

/** One argument of a change: its name in a problem, its schema, and any check against the store. */
export interface ArgCheck {
  readonly name: string
  readonly schema: z.ZodType
  /**
   * A problem of the parsed value that needs the store (`userId must be the id of a user …`);
   * `args` are the call's arguments as given.
   */
  readonly against?: (value: never, store: never, args: readonly unknown[]) => string | undefined
}

/** How one store method is checked. */
export type StoreCall =
  /** A change: each argument is checked in order, and the first bad one throws a `TypeError`. */
  | { readonly failure: string; readonly args: readonly ArgCheck[]; readonly async?: true }
  /** A lookup: arguments that cannot name anything answer `otherwise()` without a lookup. */
  | { readonly lookup: readonly ((arg: unknown) => boolean)[]; readonly otherwise: () => unknown }

/** A resource's store methods and how each is checked; unlisted methods are passed through. */
export type StoreCalls<Store> = { readonly [Method in keyof Store]?: StoreCall }

/** A user id or an integer record id. */
export const RecordIdSchema = PositiveIntegerSchema

/**
 * A text id (an agent's, a JWT's `jti`): any text names one, and a lookup of one that does not
 * exist finds nothing.
 */
export const TextIdSchema = z
  .string({ error: 'must be a non-empty string' })
  .min(1, { error: 'must be a non-empty string' })

/** A user id, of a user the store has (a change that gives a user something). */
export const EXISTING_USER_ID: ArgCheck = {
  name: 'userId',
  schema: RecordIdSchema,
  against: (id: number, store: { getUser(id: number): unknown }) =>
    store.getUser(id) === undefined
      ? `userId must be the id of a user in the store, got ${id}`
      : undefined,
}

/** An argument passed on as it is (a lookup's id: one that cannot exist finds nothing). */
export const UNCHECKED: ArgCheck = { name: 'argument', schema: z.unknown() }

/** A user id, well formed (a change scoped to a user: another user's record is simply not found). */
export const USER_ID: ArgCheck = { name: 'userId', schema: RecordIdSchema }

/** Wraps one method with its checks. */
function checked(store: object, method: (...args: never[]) => unknown, call: StoreCall) {
  if ('lookup' in call)
    return (...args: unknown[]) =>
      call.lookup.every((accepts, i) => accepts(args[i]))
        ? method.apply(store, args as never[])
        : call.otherwise()
  const run = (args: unknown[]): unknown => {
    const parsed = call.args.map((arg, i) => {
      const value = checkInput(arg.schema, args[i], call.failure, arg.name)
      const problem = arg.against?.(value as never, store as never, args)
      if (problem !== undefined) throw new TypeError(`${call.failure}: ${problem}`)
      return value
    })
    return method.apply(store, parsed as never[])
  }
  // @note Async methods reject their promise on a bad argument, like every other failure of it.
  return call.async === true
    ? (...args: unknown[]) => {
        try {
          return run(args)
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
    : (...args: unknown[]) => run(args)
}

/**
 * Wraps a store so that every call is checked first, by `calls`.
 * @example
 * const store = createCheckedStore(createStore(), STORE_CALLS)
 * store.createUser({ email: 'nope' })
 * // TypeError: Failed to create user: init.email must be an email address: one '@' and no spaces, got 'nope'
 */
export function createCheckedStore<Store extends object>(
  store: Store,
  calls: StoreCalls<Store>,
): Store {
  const wrapped = {}
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(store))) {
    const call = calls[name as keyof Store]
    const value: unknown = descriptor.value
    // A getter (`scenario`) reads the store's value at each read.
    if (descriptor.get !== undefined)
      Object.defineProperty(wrapped, name, {
        get: () => (store as Record<string, unknown>)[name],
        enumerable: true,
      })
    else if (typeof value === 'function')
      Object.defineProperty(wrapped, name, {
        value:
          call === undefined
            ? (value as () => unknown).bind(store)
            : checked(store, value as (...args: never[]) => unknown, call),
        enumerable: true,
      })
  }
  return wrapped as Store
}
