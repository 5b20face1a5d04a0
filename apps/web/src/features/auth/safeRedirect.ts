/** Only same-app paths: `//evil.example` or absolute URLs would turn login into an open redirect. */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}
