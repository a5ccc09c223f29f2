import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** per-request nonce of the Content-Security-Policy */
    cspNonce?: string;
    /** the client's IP as the trusted proxy chain reports it */
    clientIp?: string;
  }
}
