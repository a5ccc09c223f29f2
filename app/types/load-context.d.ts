import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** per-request nonce of the Content-Security-Policy */
    cspNonce?: string;
    /** the client's IP as the trusted proxy chain reports it */
    clientIp?: string;
    /** the request's id (`X-Request-Id`, in every log line of the request, on error pages) */
    requestId?: string;
    /** the request's logger (pino): JSON lines carrying the request id */
    log?: {
      error: (details: object, message?: string) => void;
      warn: (details: object, message?: string) => void;
      info: (details: object, message?: string) => void;
    };
  }
}
