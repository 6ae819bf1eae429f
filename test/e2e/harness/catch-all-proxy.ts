/**
 * A proxy that refuses everything and writes down what it was asked for. Firefox sends
 * all its traffic here, so requests that no page interception sees (the extension's
 * background page, its other pages) are still recorded instead of escaping unseen.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class CatchAllProxy {
  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(record: (url: string) => void): Promise<CatchAllProxy> {
    const server = createServer((request, response) => {
      record(request.url ?? "");
      response.writeHead(403).end();
    });
    server.on("connect", (request, socket) => {
      record(`https://${request.url ?? ""}/`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new CatchAllProxy(server, (server.address() as AddressInfo).port);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
