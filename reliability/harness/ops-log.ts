import type { Session } from './server.ts';

/**
 * The checker's contract (reliability.md D.4): every write the client saw acknowledged is recorded
 * with its key; a write whose outcome the client could not know (a timeout, a reset, a 503 while
 * the database was away — the commit may or may not have happened) is retried after the fault with
 * the same Idempotency-Key. Afterwards every acknowledged write must be there exactly once.
 */
export interface Op {
  key: string;
  body: Record<string, unknown>;
  state: 'acked' | 'unknown';
  id?: string;
  /**
   * The server said the key's request was already done but its answer was lost (the process or
   * the database went away between the commit and storing the answer): acknowledged, id unknown.
   */
  answerLost?: boolean;
  statuses: number[];
}

export class OpsLog {
  readonly ops = new Map<string, Op>();
  /** Answers no client should ever get (500s, unexpected 4xx), with the body for the report. */
  readonly violations: string[] = [];
  /** Numbers writes across every writers() call, so a second round never repeats a first round's body. */
  private seq = 0;

  get acked(): Op[] {
    return [...this.ops.values()].filter((o) => o.state === 'acked');
  }

  get unknown(): Op[] {
    return [...this.ops.values()].filter((o) => o.state === 'unknown');
  }

  /** One attempt of one write; the answer decides what the log knows of it. */
  async attempt(session: Session, path: string, op: Op, timeoutMs = 15_000): Promise<void> {
    let res: Response;
    try {
      res = await session.call(path, { method: 'POST', body: JSON.stringify(op.body), headers: { 'idempotency-key': op.key }, timeoutMs });
    } catch {
      op.statuses.push(0);
      return; // no answer: outcome unknown
    }
    op.statuses.push(res.status);
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) {
      op.state = 'acked';
      op.id = (JSON.parse(text) as { id: string }).id;
      return;
    }
    if (res.status === 409 && text.includes('已经完成')) {
      op.state = 'acked';
      op.answerLost = true;
      return;
    }
    if (res.status === 503) {
      if (!res.headers.get('retry-after')) this.violations.push(`503 without Retry-After for ${op.key}`);
      return;
    }
    this.violations.push(`${res.status} for ${op.key}: ${text.slice(0, 300)}`);
  }

  /** Writers hammer `path` until `stop()` says so; each new write gets a fresh key. */
  async writers(session: Session, opts: { path: string; concurrency: number; prefix: string; body: (n: number) => Record<string, unknown>; stop: () => boolean }): Promise<void> {
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (!opts.stop()) {
          const i = this.seq++;
          const op: Op = { key: `${opts.prefix}-${i}`, body: opts.body(i), state: 'unknown', statuses: [] };
          this.ops.set(op.key, op);
          await this.attempt(session, opts.path, op);
          if (op.state !== 'acked') await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );
  }

  /** After the fault: retry every unknown write with its own key until it is answered. */
  async settle(session: Session, path: string, deadlineMs: number): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (this.unknown.length > 0 && Date.now() < deadline) {
      for (const op of this.unknown) await this.attempt(session, path, op);
      if (this.unknown.length > 0) await new Promise((r) => setTimeout(r, 500));
    }
  }

  summary(): string {
    const statuses = new Map<number, number>();
    for (const o of this.ops.values()) for (const s of o.statuses) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    return `写入 ${this.ops.size} 次，确认 ${this.acked.length}，未知 ${this.unknown.length}，应答分布 ${JSON.stringify(Object.fromEntries(statuses))}`;
  }
}
