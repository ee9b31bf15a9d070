import type { RevisionSummary } from '../deploy.model';
import { draftOf, revisionOverview } from './revision-status';

const revision = (number: number, status: RevisionSummary['status']): RevisionSummary => ({ number, status, publishedAt: null, retiredAt: null, updatedAt: '' });

describe('revision overview', () => {
  it('shows the latest revision, and the published one under a newer draft', () => {
    const revisions = [revision(3, 'draft'), revision(2, 'published'), revision(1, 'retired')];
    expect(revisionOverview({ revisions })).toEqual({ latest: revisions[0], published: revisions[1] });
    expect(draftOf({ revisions })).toBe(revisions[0]);
  });

  it('does not repeat a published latest revision, whatever the order received', () => {
    const revisions = [revision(1, 'retired'), revision(2, 'published')];
    expect(revisionOverview({ revisions })).toEqual({ latest: revisions[1], published: null });
    expect(draftOf({ revisions })).toBeNull();
    expect(revisionOverview({ revisions: [] })).toEqual({ latest: null, published: null });
  });
});
