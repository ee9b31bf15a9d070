import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { GroupRefreshResult, SearchCriterion } from '@parc/contracts';
import { withDeadlockRetry } from '../../common/database/bulk';
import type { SearchFieldDefinition } from '../../sdk/plugin';
import { type ComputerChange, ComputerChanges } from '../computers/computer-changes';
import { ComputersRepository } from '../computers/computers.repository';
import { compileCriteria, expressionOf } from '../computers/search/criteria';
import type { ComputerGroup } from './group.entity';
import { type CompiledGroup, GroupsRepository } from './groups.repository';

/** What a dynamic group's outcome depends on: the inventory sections of its fields, and the groups it names. */
interface GroupDependencies {
  /** Sections whose change can change the outcome; `null` when any change can (a field that does not say). */
  sections: Set<string> | null;
  groups: Set<number>;
}

interface CachedGroup {
  compiled: CompiledGroup;
  dependencies: GroupDependencies;
}

/** Above this many computers in one change, the affected groups are re-evaluated whole rather than per computer. */
const PER_COMPUTER_LIMIT = 500;
/** Groups naming groups naming groups…: changes propagate this many levels at most (cycles are refused on save). */
const MAX_PROPAGATION = 10;
const STAMP_CHECK_MS = 1000;

/**
 * Keeps the materialized membership of dynamic groups up to date: whole evaluations (on demand, on a schedule),
 * and incremental ones when computers change, limited to the groups whose criteria can be affected and done in
 * one statement for all of them.
 */
@Injectable()
export class GroupMembershipService implements OnModuleInit {
  private readonly logger = new Logger('GroupMembership');
  private cache: { stamp: string; checkedAt: number; groups: CachedGroup[] } | null = null;

  constructor(
    private readonly groups: GroupsRepository,
    private readonly computers: ComputersRepository,
    private readonly changes: ComputerChanges,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe((change) => this.onComputersChanged(change));
  }

  fields(): Map<string, SearchFieldDefinition> {
    return this.computers.fieldMap();
  }

  /** Compiles a group's criteria (400 on invalid ones) with parameters prefixed for this group. */
  async compile(group: Pick<ComputerGroup, 'id' | 'entityId' | 'criteria' | 'expression'>): Promise<CompiledGroup> {
    const compiled = compileCriteria(group.criteria, this.fields(), { expression: expressionOf(group.expression, group.criteria.length), paramPrefix: `g${group.id}_` });
    return { id: group.id, ...compiled, entityIds: await this.groups.subtreeIds(group.entityId) };
  }

  dependenciesOf(criteria: SearchCriterion[]): GroupDependencies {
    const fields = this.fields();
    const sections = new Set<string>(['entity']);
    const groups = new Set<number>();
    for (const c of criteria) {
      const field = fields.get(c.field);
      if (field?.type === 'group') {
        groups.add(Number(c.value));
        sections.add(`group:${Number(c.value)}`);
      }
      else if (!field?.sections) return { sections: null, groups };
      else field.sections.forEach((s) => sections.add(s));
    }
    return { sections, groups };
  }

  /** Evaluates a group whole and writes the difference with its stored members. */
  async refresh(group: ComputerGroup): Promise<GroupRefreshResult> {
    return this.evaluateAndStore(await this.compile(group));
  }

  /** Evaluates a compiled group whole, stores the difference and when it was done. */
  private async evaluateAndStore(compiled: CompiledGroup): Promise<GroupRefreshResult> {
    const started = performance.now();
    const result = await this.store(compiled.id, await this.groups.evaluate(compiled));
    const ms = performance.now() - started;
    await this.groups.markRefreshed(this.groups.dataSource, compiled.id, ms);
    return { ...result, ms: Math.round(ms) };
  }

  /** Replaces a group's members by these ids, writing only the difference. */
  async store(groupId: number, ids: number[]): Promise<Omit<GroupRefreshResult, 'ms'>> {
    return withDeadlockRetry(() =>
      this.groups.dataSource.transaction(async (m) => {
        const current = new Set(await this.groups.memberIds(m, groupId));
        const wanted = new Set(ids);
        const added = ids.filter((id) => !current.has(id));
        const removed = [...current].filter((id) => !wanted.has(id));
        if (removed.length) await this.groups.removeMembers(m, groupId, removed);
        if (added.length) await this.groups.addMembers(m, groupId, added);
        await this.groups.recount(m, [groupId]);
        return { memberCount: wanted.size, added: added.length, removed: removed.length };
      }),
    );
  }

  /** Every query-mode dynamic group, the groups they name before them. For the schedule. */
  async refreshAll(): Promise<string> {
    const groups = await this.groups.queryGroups();
    const byId = new Map(groups.map((g) => [g.id, g]));
    const done = new Set<number>();
    const order: ComputerGroup[] = [];
    const visit = (g: ComputerGroup, depth: number) => {
      if (done.has(g.id) || depth > MAX_PROPAGATION) return;
      done.add(g.id);
      for (const dep of this.dependenciesOf(g.criteria).groups) if (byId.has(dep)) visit(byId.get(dep)!, depth + 1);
      order.push(g);
    };
    groups.forEach((g) => visit(g, 0));
    let added = 0;
    let removed = 0;
    let failed = 0;
    const started = performance.now();
    for (const group of order) {
      try {
        const r = await this.refresh(group);
        added += r.added;
        removed += r.removed;
      } catch (error) {
        // A group whose criteria no longer compile (a plugin field gone) must not stop the others.
        failed++;
        this.logger.warn(`Group ${group.id} '${group.name}' could not be evaluated: ${(error as Error).message}`);
      }
    }
    return `${order.length} dynamic groups evaluated in ${Math.round(performance.now() - started)} ms: ${added} members added, ${removed} removed${failed ? `, ${failed} failed` : ''}`;
  }

  /** Drops the compiled groups (a definition changed in this process). */
  invalidate(): void {
    this.cache = null;
  }

  /**
   * Compiled query-mode groups. Edits made in this process invalidate them at once; those of other processes are
   * seen within a second (one cheap query at most once a second).
   */
  private async compiledGroups(): Promise<CachedGroup[]> {
    if (this.cache && Date.now() - this.cache.checkedAt < STAMP_CHECK_MS) return this.cache.groups;
    const stamp = await this.groups.definitionsStamp();
    if (this.cache?.stamp === stamp) {
      this.cache.checkedAt = Date.now();
      return this.cache.groups;
    }
    const compiled: CachedGroup[] = [];
    for (const group of await this.groups.queryGroups()) {
      try {
        compiled.push({ compiled: await this.compile(group), dependencies: this.dependenciesOf(group.criteria) });
      } catch (error) {
        this.logger.warn(`Group ${group.id} '${group.name}' is skipped by incremental refreshes: ${(error as Error).message}`);
      }
    }
    this.cache = { stamp, checkedAt: Date.now(), groups: compiled };
    return compiled;
  }

  /** Incremental refresh: only the groups the change can affect, evaluated for the changed computers only. */
  async onComputersChanged(change: ComputerChange): Promise<void> {
    if (change.sections !== 'all' && change.sections.includes('deleted')) {
      await this.groups.recount(this.groups.dataSource);
      return;
    }
    const all = await this.compiledGroups();
    if (!all.length) return;
    const touches = (g: CachedGroup) => change.sections === 'all' || g.dependencies.sections === null || change.sections.some((s) => g.dependencies.sections!.has(s));
    let affected = all.filter(touches);
    for (let level = 0; affected.length && level < MAX_PROPAGATION; level++) {
      const changed = change.computerIds.length > PER_COMPUTER_LIMIT ? await this.refreshWhole(affected) : await this.refreshComputers(affected, change.computerIds);
      // Groups naming a group whose membership just changed are next.
      affected = changed.size ? all.filter((g) => [...g.dependencies.groups].some((id) => changed.has(id))) : [];
    }
  }

  private async refreshWhole(groups: CachedGroup[]): Promise<Set<number>> {
    const changed = new Set<number>();
    for (const g of groups) {
      const r = await this.evaluateAndStore(g.compiled);
      if (r.added || r.removed) changed.add(g.compiled.id);
    }
    return changed;
  }

  /** One statement evaluates every affected group for these computers; only differences are written. */
  private async refreshComputers(groups: CachedGroup[], computerIds: number[]): Promise<Set<number>> {
    const [outcome, current] = await Promise.all([
      this.groups.evaluateFor(
        groups.map((g) => g.compiled),
        computerIds,
      ),
      this.groups.membershipsOf(
        computerIds,
        groups.map((g) => g.compiled.id),
      ),
    ]);
    const isMember = new Set(current.map((r) => `${r.groupId}:${r.computerId}`));
    const diffs = groups
      .map((g) => {
        const id = g.compiled.id;
        const matching = outcome.get(id)!;
        return { id, added: [...matching].filter((c) => !isMember.has(`${id}:${c}`)), removed: computerIds.filter((c) => isMember.has(`${id}:${c}`) && !matching.has(c)) };
      })
      .filter((d) => d.added.length || d.removed.length);
    // The usual inventory changes no membership: then nothing is written at all.
    if (!diffs.length) return new Set();
    await withDeadlockRetry(() =>
      this.groups.dataSource.transaction(async (m) => {
        for (const d of diffs) {
          if (d.added.length) await this.groups.addMembers(m, d.id, d.added);
          if (d.removed.length) await this.groups.removeMembers(m, d.id, d.removed);
          // A delta, not a recount: counting a 100 000-member group would cost more than the whole refresh.
          // Whole evaluations recount, which corrects any drift from concurrent writers.
          await this.groups.adjustCount(m, d.id, d.added.length - d.removed.length);
        }
      }),
    );
    const changed = new Set(diffs.map((d) => d.id));
    return changed;
  }
}
