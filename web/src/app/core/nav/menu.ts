import type { MenuEntry } from '@parc/contracts';

/**
 * Puts the server's menu in display order: by `order` (entries without one go last), then by English label;
 * the same path twice (core and a plugin, say) keeps the first. The server already dropped the entries the
 * user has no right for, so nothing is filtered out here.
 */
export function orderMenu(entries: readonly MenuEntry[]): MenuEntry[] {
  const rank = (entry: MenuEntry) => entry.order ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b) || a.label.en.localeCompare(b.label.en));
  const seen = new Set<string>();
  return ordered.filter((entry) => {
    if (seen.has(entry.path)) return false;
    seen.add(entry.path);
    return true;
  });
}

/** `/deploy/tasks` → `nav-deploy-tasks`: the stable test id of a navigation link. */
export function navTestId(path: string): string {
  return `nav-${path.replace(/^\/+|\/+$/g, '').replace(/[^a-zA-Z0-9]+/g, '-') || 'home'}`;
}
