// Request and response helpers every module's routes share: uploads in, downloads out.
export { DOCX, XLSX, sendDocx, sendDownload, sendStored, sendXlsx } from './downloads.ts';
export { uploadedFile } from './uploads.ts';
