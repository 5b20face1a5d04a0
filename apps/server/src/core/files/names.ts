/**
 * An uploaded file's name as we keep it: path separators and control characters become `_`
 * (it is echoed in Content-Disposition and shown in lists), at most 200 characters, and the
 * caller's fallback when nothing is left.
 */
export function cleanFileName(name: string, fallback: string): string {
  return name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || fallback;
}
