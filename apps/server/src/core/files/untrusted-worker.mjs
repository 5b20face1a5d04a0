// Bootstrap of the parser worker: plain JavaScript, because a worker thread starts without the
// TypeScript loader the main thread runs under (tsx in production, vite in tests).
import { register } from 'tsx/esm/api';

register();
await import('./untrusted-worker-main.ts');
