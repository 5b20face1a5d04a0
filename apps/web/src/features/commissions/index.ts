// The commissions feature's surface: the manuscript editor links a draft to an open request.
export { useCommissions } from './api.ts';
