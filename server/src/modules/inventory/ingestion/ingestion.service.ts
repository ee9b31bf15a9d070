import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withDeadlockRetry } from '../../../common/database/bulk';
import { ComputerChanges } from '../../computers/computer-changes';
import type { Computer } from '../../computers/computer.entity';
import type { InventoryChange } from '../../computers/inventory-change.entity';
import { EntityRulesService } from '../entity-rules.service';
import { type InventoryDocument, type Section, sectionHashes } from '../protocol/inventory-document';
import { AgentRegistry } from '../agent-registry';
import { CHILD_SECTIONS, type ChildSectionName } from './child-sections';
import { type AgentIdentity, IngestionRepository } from './ingestion.repository';
import { SoftwareDictionary } from './software-dictionary';

/** Names listed per section in a history entry; the counts are always complete. */
const MAX_NAMES = 50;
const CHILDREN: ChildSectionName[] = ['cpus', 'disks', 'networks', 'users'];

type SectionChange = InventoryChange['changes']['sections'][string];

export interface IngestResult {
  computerId: number;
  created: boolean;
  changedSections: Section[];
}

/**
 * Stores an inventory: finds the computer (agent's device id, then serial + UUID, then MAC), creates it in the
 * entity the rules give, and rewrites only the sections whose hash changed — an unchanged inventory costs two
 * small reads and two updates. Every change is recorded for the computer's history. One transaction per
 * inventory, with the agent row locked, so concurrent inventories neither lose nor duplicate anything.
 */
@Injectable()
export class IngestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IngestionRepository,
    private readonly dictionary: SoftwareDictionary,
    private readonly rules: EntityRulesService,
    private readonly agents: AgentRegistry,
    private readonly changes: ComputerChanges,
  ) {}

  async ingest(doc: InventoryDocument, agent: AgentIdentity): Promise<IngestResult> {
    const hashes = sectionHashes(doc);
    const entityId = await this.rules.entityFor({ tag: doc.tag, address: agent.remoteAddress });
    await this.repository.ensureAgent(agent, entityId, doc.tag);
    // Outside the transaction (dictionary rows are shared by every computer), and only when the software changed.
    const resolveSoftware = async () => [...new Set(await this.dictionary.versionIdsOf(doc.software))];
    let versionIds = (await this.repository.storedHashes(agent.deviceId))?.software === hashes.software ? null : await resolveSoftware();
    const isolation = this.repository.bulk.dialect === 'mariadb' ? 'READ COMMITTED' : undefined;
    const result = await withDeadlockRetry(() =>
      this.dataSource.transaction(isolation as 'READ COMMITTED', async (m) => {
        const now = new Date();
        const agentRow = await this.repository.lockAgent(m, agent.deviceId);
        let computer: Computer | null = agentRow.computerId ? await this.repository.loadComputer(m, agentRow.computerId) : null;
        computer ??= await this.repository.matchComputer(m, doc);
        const created = !computer;
        computer ??= await this.repository.createComputer(m, entityId, doc.computer);
        const previous = computer.sectionHashes ?? {};
        const changed = (Object.keys(hashes) as Section[]).filter((s) => previous[s] !== hashes[s]);

        const locked = new Set(computer.lockedFields ?? []);
        const reported = Object.fromEntries(Object.entries(doc.computer).filter(([key]) => !locked.has(key)));
        const fields: Record<string, [unknown, unknown]> = {};
        if (!created && changed.includes('computer')) {
          for (const [key, value] of Object.entries(reported)) {
            const before = computer[key as keyof Computer];
            if (before !== value) fields[key] = [before, value];
          }
        }
        const sections: Record<string, SectionChange> = {};
        for (const name of CHILDREN.filter((c) => changed.includes(c))) {
          const before = created ? [] : await this.repository.readSection(m, name, computer.id);
          await this.repository.replaceSection(m, name, computer.id, doc[name], !created);
          sections[name] = this.compare(name, before, doc[name]);
        }
        if (changed.includes('software')) {
          // The computer matched another way than the agent, or changed meanwhile: resolve now.
          versionIds ??= await resolveSoftware();
          sections.software = await this.storeSoftware(m, computer.id, versionIds, created);
        }

        await this.repository.updateComputer(m, computer.id, {
          ...reported,
          softwareCount: versionIds ? versionIds.length : computer.softwareCount,
          lastInventoryAt: now,
          lastContactAt: now,
          sectionHashes: hashes,
        });
        await this.repository.linkAgent(m, agentRow.id, computer.id, agent, doc.tag, now);
        const meaningful = Object.values(sections).some((c) => c.addedCount || c.removedCount);
        if (created || Object.keys(fields).length || meaningful) {
          await this.repository.recordChange(m, {
            computerId: computer.id,
            at: now,
            agentDeviceId: agent.deviceId,
            kind: created ? 'created' : 'updated',
            changes: { fields, sections: Object.fromEntries(Object.entries(sections).filter(([, c]) => c.addedCount || c.removedCount)) },
          });
        }
        return { computerId: computer.id, created, changedSections: changed };
      }),
    );
    this.agents.forget(agent.deviceId);
    // Derived data (dynamic group membership) follows what changed; the inventory dates and the agent always do.
    await this.changes.notify({ computerIds: [result.computerId], sections: result.created ? 'all' : [...result.changedSections, 'contact', 'agent'] });
    return result;
  }

  /** Set difference with what is installed: only removed rows are deleted and only new ones inserted. */
  private async storeSoftware(m: Parameters<IngestionRepository['readSection']>[0], computerId: number, versionIds: number[], created: boolean): Promise<SectionChange> {
    const installed = created ? new Set<number>() : new Set(await this.repository.installedVersionIds(m, computerId));
    const wanted = new Set(versionIds);
    const added = versionIds.filter((v) => !installed.has(v));
    const removed = [...installed].filter((v) => !wanted.has(v));
    if (removed.length) await this.repository.removeInstallations(m, computerId, removed);
    if (added.length) await this.repository.addInstallations(m, computerId, added);
    return {
      added: created ? [] : await this.repository.versionLabels(m, added.slice(0, MAX_NAMES)),
      removed: await this.repository.versionLabels(m, removed.slice(0, MAX_NAMES)),
      addedCount: added.length,
      removedCount: removed.length,
    };
  }

  private compare(name: ChildSectionName, before: unknown[], after: unknown[]): SectionChange {
    const label = CHILD_SECTIONS[name].label as (item: unknown) => string;
    const old = new Set(before.map(label));
    const now = new Set(after.map(label));
    const added = [...now].filter((l) => !old.has(l));
    const removed = [...old].filter((l) => !now.has(l));
    return { added: added.slice(0, MAX_NAMES), removed: removed.slice(0, MAX_NAMES), addedCount: added.length, removedCount: removed.length };
  }
}
