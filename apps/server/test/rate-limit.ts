/**
 * Rate limits count in fixed one-minute windows: a burst that straddles a minute boundary is split
 * over two windows. Tests that count 429s start their burst well inside a minute.
 */
export async function awayFromMinuteEdge(needSeconds = 20): Promise<void> {
  const intoMinute = (Date.now() % 60_000) / 1000;
  if (intoMinute > 60 - needSeconds) await new Promise((resolve) => setTimeout(resolve, (60 - intoMinute) * 1000 + 200));
}
