import { z } from 'zod';

// Imported first by index.ts, before any schema exists: zod decides per object schema, when it is
// built, whether to compile a fast parser with `new Function`. The web app runs under a CSP without
// 'unsafe-eval', where even zod's probe for eval is reported as a violation; in a browser the
// schemas are small and few, so they are simply interpreted. The server keeps the compiled parsers.
if (typeof (globalThis as { document?: unknown }).document !== 'undefined') z.config({ jitless: true });
