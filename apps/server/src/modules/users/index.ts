export { listUsers } from './verbs/list-users.ts';
export { getUser } from './verbs/get-user.ts';
export { createUser, insertUserInTx } from './verbs/create-user.ts';
export { updateUser } from './verbs/update-user.ts';
export { activateUser } from './verbs/activate-user.ts';
export { unlockUser } from './verbs/unlock-user.ts';
export { resetUserPassword } from './verbs/reset-password.ts';
export { usersRoutes } from './users.routes.ts';
export { isLocked } from './users.policy.ts';
// Credential-level access for the auth module, which owns sessions but not the users table.
export { findUserByUsername, findUserById, lockUserForLogin, updateUserRow, grantsOf, claimTotpStep, consumeRecoveryCode, type UserRow, type GrantRow } from './users.repo.ts';
export { sealPlainPhones, phoneColumns } from './personal-fields.ts';
export { revealUser } from './verbs/reveal-user.ts';
export { resetSecondFactor } from './verbs/reset-second-factor.ts';
export { onUserAccessChanged, type UserAccessListener } from './access-changed.ts';
