/**
 * The file name a download's `Content-Disposition` gives (`filename*=UTF-8''…` preferred over `filename="…"`),
 * or `fallback`.
 */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Badly encoded: try the plain form.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  // Only a name: never a path the browser would be asked to honour.
  return name.replace(/^.*[/\\]/, '') || fallback;
}
