import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

export type HookResponder = (hook: ReceivedHook, index: number) => { status?: number; body: unknown };

/**
 * A robot webhook endpoint on 127.0.0.1 (OS-assigned port) that records every POST and answers
 * what the test says (by default the vendors' success answers).
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  private responders = new Map<string, HookResponder>();
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          json = { unparsable: true };
        }
        const hook: ReceivedHook = { path: url.pathname, query: url.searchParams, headers: req.headers, json };
        const index = this.received.filter((h) => h.path === hook.path).length;
        this.received.push(hook);
        const responder = this.responders.get(url.pathname);
        const answer = responder ? responder(hook, index) : { body: url.pathname.includes('feishu') ? { code: 0, msg: 'success', data: {} } : { errcode: 0, errmsg: 'ok' } };
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  respond(path: string, responder: HookResponder): void {
    this.responders.set(path, responder);
  }

  at(path: string): ReceivedHook[] {
    return this.received.filter((h) => h.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
