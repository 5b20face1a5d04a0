/** `npm run reliability` runs the quick profile (CI); `npm run reliability:full` the long one. */
export const profile = process.env.XL_RELIABILITY === 'full' ? 'full' : 'quick';
export const full = profile === 'full';

/** Seconds a fault lasts: short in CI, the 30 s in the full profile. */
export const faultSeconds = full ? 30 : 5;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
