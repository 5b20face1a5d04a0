// The manuscripts feature's surface for other features (the settings page shows the rules tab).
export { RulesTab } from './RulesTab.tsx';
// Releases and journals pick approved manuscripts from the same list.
export { useManuscripts } from './api.ts';
