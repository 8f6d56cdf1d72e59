/** The paths the demo server answers under: the documented `/api/v1` and the real backend's `/voiceable-api`. */
export const SERVER_BASE_PATHS: readonly string[] = ['/api/v1', '/voiceable-api']

/** The interface the server binds when no `host` is given: loopback only. */
export const DEFAULT_HOST = '127.0.0.1'
