export { createBackup, fileStoreDirOf, type BackupResult } from './create-backup.ts';
export { restoreBackup, type RestoreResult } from './restore-backup.ts';
export { BackupError, sha256File, type BackupManifest } from './manifest.ts';
export { countRows } from './row-counts.ts';
