import http from "http"

/**
 * Request options that connect from another loopback address: all of 127.0.0.0/8 is local on
 * Linux, so a test gets distinct real client addresses without trusting any forwarded header.
 * Goes to 127.0.0.1 explicitly, since "localhost" may resolve to ::1.
 */
export function fromAddress(api: { defaults: { baseURL?: string } }, address: string) {
  return {
    baseURL: String(api.defaults.baseURL).replace("localhost", "127.0.0.1"),
    httpAgent: new http.Agent({ localAddress: address }),
  }
}
