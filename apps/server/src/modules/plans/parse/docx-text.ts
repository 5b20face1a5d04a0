import mammoth from 'mammoth';

/** The text of a plan's .docx, one paragraph a line. Runs in the parser worker (`parseUntrusted`). */
export async function docxRawText(buf: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: buf })).value;
}
