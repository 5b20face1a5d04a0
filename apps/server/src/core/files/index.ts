export type { FileStore, PutOptions, StoredFile } from './file-store.ts';
export { createLocalFileStore } from './local-file-store.ts';
export { fileMeta, recordFile } from './files.repo.ts';
export { DEFAULT_ALLOWED_TYPES, FILE_TYPES, MIME, type FileType } from './sniff.ts';
export { cleanFileName } from './names.ts';
export { FILE_MISSING, fileHolderNames, readableFiles, registerFileHolder, requireReadableFiles, type FileHolder } from './readable.ts';
export { ArchiveError, inspectZip, readEntry } from './archive.ts';
export { checkOfficeArchive, precheckOffice, OFFICE_LIMITS, type OfficeKind } from './office.ts';
export { archiveRefusal, parseUntrusted, PARSE_LIMITS, type UntrustedParse } from './untrusted.ts';
