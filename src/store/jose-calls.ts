/**
 * The parts of `jose` the token signer uses, as one module that `jwt.ts` imports dynamically:
 * named re-exports keep bundlers tree-shaking `jose` (a dynamic `import('jose')` would bring all
 * of it into a browser page), and nothing imports this at start-up.
 */
export { errors, jwtVerify, SignJWT } from 'jose'
