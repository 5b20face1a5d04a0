import type { Role } from './roles.ts';

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'user.activate',
  'user.unlock',
  'user.reveal',
  'security.manage',
  'audit.read',
  'manuscript.submit',
  'manuscript.review',
  'manuscript.manage',
  'opinion.read',
  'opinion.monitor',
  'dashboard.read',
  'activity.read',
  'activity.record',
  'ledger.manage',
  'plan.read',
  'plan.manage',
  'task.report',
  'scoring.read',
  'adoption.record',
  'scoring.manage',
  'release.manage',
  'journal.manage',
  'notification.manage',
  'bulletin.manage',
  'bulletin.appeal',
  'assessment.read',
  'assessment.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do. A role is granted at an org, so each permission holds over that org's
 * subtree only. 三员分立: sysadmin runs accounts and units but never security or audit;
 * secadmin sets policy and activates/unlocks (and resets a lost second factor); auditor only reads
 * the audit log. user.reveal: see a person's full phone number (every reveal is audited).
 * Ledgers and supervision: a unit's reporters record its activities and answer for its tasks
 * (progress, 签收, 答复, extension requests); the publicity office (editor) sets targets, runs
 * work plans and issues 督办单; leaders and reviewers read.
 * Notifications: the office (editor) and the system admin configure sending channels (SMTP, unit
 * robots) and read the delivery log of their subtree; everyone sets their own preferences.
 * Bulletins (通报): the office (editor) drafts, publishes for appeal and finalises; a unit's
 * reporters see the open bulletins covering their unit and may object (申诉) for it.
 */
export const ROLE_PERMISSIONS = {
  reporter: ['org.read', 'manuscript.submit', 'activity.read', 'activity.record', 'plan.read', 'task.report', 'scoring.read', 'adoption.record', 'bulletin.appeal'],
  chief_reporter: ['org.read', 'manuscript.submit', 'activity.read', 'activity.record', 'plan.read', 'task.report', 'scoring.read', 'adoption.record', 'bulletin.appeal'],
  reviewer: ['org.read', 'user.read', 'manuscript.review', 'activity.read', 'plan.read'],
  editor: [
    'org.read',
    'user.read',
    'manuscript.manage',
    'dashboard.read',
    'activity.read',
    'activity.record',
    'ledger.manage',
    'plan.read',
    'plan.manage',
    'scoring.read',
    'adoption.record',
    'scoring.manage',
    'release.manage',
    'journal.manage',
    'notification.manage',
    'bulletin.manage',
    'assessment.read',
    'assessment.manage',
  ],
  monitor: ['org.read', 'opinion.read', 'opinion.monitor'],
  leader: ['org.read', 'dashboard.read', 'activity.read', 'plan.read', 'opinion.read', 'scoring.read', 'assessment.read'],
  sysadmin: ['org.read', 'org.manage', 'user.read', 'user.manage', 'user.reveal', 'notification.manage'],
  secadmin: ['org.read', 'user.read', 'user.activate', 'user.unlock', 'user.reveal', 'security.manage'],
  auditor: ['org.read', 'audit.read'],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
