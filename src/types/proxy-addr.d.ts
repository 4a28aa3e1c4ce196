// proxy-addr (Express's own dependency) ships no types; this is the part the portal uses.
declare module "proxy-addr" {
  import type { IncomingMessage } from "http"

  type Trust = ((address: string, hop: number) => boolean) | string | string[]

  function proxyaddr(req: IncomingMessage, trust: Trust): string
  namespace proxyaddr {
    function all(req: IncomingMessage, trust?: Trust): string[]
    function compile(value: string | string[]): (address: string, hop: number) => boolean
  }
  export = proxyaddr
}
