// The reviews feature's surface: the layout's menu badge, the manuscript page's review panel and timeline.
export { usePendingCount, useSteps } from './api.ts';
export { ReviewTimeline } from './ReviewTimeline.tsx';
export { DecisionBar } from './DecisionBar.tsx';
export { PoliciesTab } from './PoliciesTab.tsx';
export { OverdueList } from './OverdueList.tsx';
