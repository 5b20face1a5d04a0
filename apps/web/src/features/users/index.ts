// The users feature's surface for other features (audit looks up 操作人 with it).
export { useUsers, usersKey } from './api.ts';
