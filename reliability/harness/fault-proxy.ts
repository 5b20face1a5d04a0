import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL that can misbehave on demand, so the suite can
 * play the faults a real network plays: added latency, every connection reset at once, and a
 * black hole (connections accepted, bytes swallowed, nothing answered) — the case that hangs a
 * client forever unless it has timeouts. Loopback only.
 */
export type FaultMode = { kind: 'pass' } | { kind: 'latency'; ms: number } | { kind: 'blackhole' } | { kind: 'refuse' };

interface Pair {
  client: Socket;
  upstream: Socket;
}

export class FaultProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<Pair>();
  private mode: FaultMode = { kind: 'pass' };
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  setMode(mode: FaultMode): void {
    this.mode = mode;
  }

  get connections(): number {
    return this.pairs.size;
  }

  /** Every open connection torn down with a TCP reset, as a crashed middlebox or failover does. */
  resetAll(): void {
    for (const p of this.pairs) {
      p.client.resetAndDestroy();
      p.upstream.destroy();
    }
    this.pairs.clear();
  }

  async close(): Promise<void> {
    this.resetAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode.kind === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    const pair: Pair = { client, upstream };
    this.pairs.add(pair);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    this.pipe(client, upstream);
    this.pipe(upstream, client);
  }

  /** Forwards chunk by chunk, reading the mode per chunk so a fault hits connections already open. */
  private pipe(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      const mode = this.mode;
      if (mode.kind === 'blackhole') return;
      if (mode.kind === 'latency') {
        from.pause();
        setTimeout(() => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        }, mode.ms);
        return;
      }
      if (!to.destroyed) to.write(chunk);
    });
  }
}
