/**
 * FNV-1a over text: a 32-bit number that depends only on the text (the seed of a generated list,
 * a recording's pitch).
 */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
