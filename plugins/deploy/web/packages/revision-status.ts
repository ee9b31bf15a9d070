import type { PackageView, RevisionStatus, RevisionSummary } from '../deploy.model';

/** What a package's list row says of its revisions: the latest, and the published one when it is older. */
export interface RevisionOverview {
  latest: RevisionSummary | null;
  /** The newest published revision when it is not the latest (a draft is being prepared over it). */
  published: RevisionSummary | null;
}

export function revisionOverview(pkg: Pick<PackageView, 'revisions'>): RevisionOverview {
  const byNumber = [...pkg.revisions].sort((a, b) => b.number - a.number);
  const latest = byNumber[0] ?? null;
  const published = byNumber.find((r) => r.status === 'published') ?? null;
  return { latest, published: published && published !== latest ? published : null };
}

/** The draft of a package, if it has one (at most one at a time). */
export function draftOf(pkg: Pick<PackageView, 'revisions'>): RevisionSummary | null {
  return pkg.revisions.find((r) => r.status === 'draft') ?? null;
}

export const statusKey = (status: RevisionStatus): string => `deploy.status.${status}`;
