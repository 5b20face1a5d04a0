// Minimal types for two npm peers (devDependencies, used by tests and bench/textkit) that ship none.
declare module 'fastscan' {
  export default class FastScanner {
    constructor(words: string[]);
    search(text: string): Array<[number, string]>;
  }
}

declare module 'ahocorasick' {
  export default class AhoCorasick {
    constructor(words: string[]);
    search(text: string): Array<[number, string[]]>;
  }
}
