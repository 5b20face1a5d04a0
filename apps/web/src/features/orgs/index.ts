// The orgs feature's surface for other features (users, audit pick units with these).
export { useOrgs, orgsKey } from './api.ts';
export { OrgTreeSelect } from './OrgTreeSelect.tsx';
export { buildOrgTree } from './orgTree.ts';
export { OrgMultiSelect } from './OrgMultiSelect.tsx';
