/**
 * Sets `key` on `target` as a plain own property. @note A key from a request (`__proto__` in
 * JSON or a form) is data: assigning it would set the object's prototype instead.
 */
export function setOwnProperty(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}
