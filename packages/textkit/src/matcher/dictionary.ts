/**
 * A swappable holder for a matcher, so dictionaries can be reloaded while the service runs.
 *
 * A reload compiles a new automaton in time slices (see `runSliced` in build.ts) and then replaces the
 * reference in one assignment. Scans running before the swap use the old automaton, scans after
 * it use the new one; nobody ever sees a half-built automaton.
 */
import { type CreateMatcherInput, createMatcher, createMatcherAsync, type Hit, type Matcher, type MatcherOptions, type MatcherWord } from './matcher.ts';

export interface ReloadResult {
  /** True when this reload's matcher was installed; false when a newer reload won. */
  installed: boolean;
  matcher: Matcher;
}

export class Dictionary {
  private current: Matcher;
  private readonly options: MatcherOptions;
  private allow: readonly string[];
  private requested = 0;
  private installedGeneration = 0;

  constructor(input: CreateMatcherInput) {
    this.options = { ...input.options };
    this.allow = input.allow ?? [];
    this.current = createMatcher(input);
  }

  /** The matcher in use right now. Keep the reference for a consistent view over several calls. */
  get matcher(): Matcher {
    return this.current;
  }

  /** Number of the installed generation (0 = the one built by the constructor). */
  get generation(): number {
    return this.installedGeneration;
  }

  scan(text: string): Hit[] {
    return this.current.scan(text);
  }

  test(text: string): boolean {
    return this.current.test(text);
  }

  /**
   * Builds a matcher from new words without blocking the event loop, then swaps it in.
   * When reloads overlap, the most recently requested one wins, whatever order they finish in.
   * On failure the old matcher stays in place and the promise rejects.
   * Without `allow`, the current allow-list is kept.
   */
  async reload(words: ReadonlyArray<MatcherWord | string>, allow?: readonly string[]): Promise<ReloadResult> {
    const generation = ++this.requested;
    const nextAllow = allow ?? this.allow;
    const matcher = await createMatcherAsync({ words, allow: nextAllow, options: this.options });
    if (generation > this.installedGeneration) {
      this.current = matcher;
      this.allow = nextAllow;
      this.installedGeneration = generation;
      return { installed: true, matcher };
    }
    return { installed: false, matcher };
  }
}

/** Creates a reloadable dictionary (the `MatcherHandle` of the design notes). */
export function createDictionary(input: CreateMatcherInput): Dictionary {
  return new Dictionary(input);
}
