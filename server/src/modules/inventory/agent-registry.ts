import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentKind } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { dateFromDb } from '../../common/database/dates';
import { Agent } from '../agents/agent.entity';
import { EntityRulesService } from './entity-rules.service';
import { type AgentIdentity, IngestionRepository } from './ingestion/ingestion.repository';

/** What the PROLOG answer needs about an agent. */
export interface AgentState {
  agentId: number;
  computerId: number | null;
  kind: AgentKind;
  version: string;
  userAgent: string;
  lastInventoryAt: number | null;
}

/** How long a process trusts its cached state of an agent (other processes may store an inventory meanwhile). */
const CACHE_MS = 60_000;
const MAX_CACHED = 250_000;

/**
 * The agent check-in path, built to answer thousands of PROLOGs per second: the agent's state comes from a
 * per-process cache (one indexed query on a miss), and "last contact" times are gathered in memory and written
 * with one UPDATE per table every few seconds instead of one per request.
 */
@Injectable()
export class AgentRegistry implements OnModuleDestroy {
  private readonly cache = new Map<string, AgentState & { until: number }>();
  private touchedAgents = new Set<number>();
  private touchedComputers = new Set<number>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repository: IngestionRepository,
    private readonly rules: EntityRulesService,
  ) {
    this.timer = setInterval(() => void this.flush(), config.lastContactFlushSeconds * 1000);
    this.timer.unref();
  }

  /** Registers a check-in: creates the agent on first contact, refreshes its identity, and notes the contact. */
  async contact(agent: AgentIdentity): Promise<AgentState> {
    let state = this.cache.get(agent.deviceId);
    if (!state || state.until < Date.now()) {
      let loaded = await this.load(agent.deviceId);
      if (!loaded) {
        // The TAG only comes with the inventory: a new agent's entity follows the address rules until then.
        await this.repository.ensureAgent(agent, await this.rules.entityFor({ tag: '', address: agent.remoteAddress }), '');
        loaded = (await this.load(agent.deviceId))!;
      }
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      state = { ...loaded, until: Date.now() + CACHE_MS };
      this.cache.set(agent.deviceId, state);
    }
    if (state.kind !== agent.kind || state.version !== agent.version || state.userAgent !== agent.userAgent.slice(0, 255)) {
      await this.dataSource.getRepository(Agent).update(state.agentId, { kind: agent.kind, version: agent.version, userAgent: agent.userAgent.slice(0, 255) });
      Object.assign(state, { kind: agent.kind, version: agent.version, userAgent: agent.userAgent.slice(0, 255) });
    }
    this.touchedAgents.add(state.agentId);
    if (state.computerId) this.touchedComputers.add(state.computerId);
    return state;
  }

  /** Drops the cached state (after an inventory changed it). */
  forget(deviceId: string): void {
    this.cache.delete(deviceId);
  }

  /** Writes the gathered contact times: one statement per table and chunk. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const agents = [...this.touchedAgents];
      const computers = [...this.touchedComputers];
      this.touchedAgents = new Set();
      this.touchedComputers = new Set();
      const now = new Date();
      if (agents.length) await this.repository.bulk.queryIn(this.dataSource, 'UPDATE agents SET last_contact_at = ? WHERE id IN', agents, [now]);
      if (computers.length) await this.repository.bulk.queryIn(this.dataSource, 'UPDATE computers SET last_contact_at = ? WHERE id IN', computers, [now]);
    });
    return this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  private async load(deviceId: string): Promise<AgentState | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.id, a.computer_id, a.kind, a.version, a.user_agent, c.last_inventory_at
         FROM agents a LEFT JOIN computers c ON c.id = a.computer_id
        WHERE a.device_id = ?`,
      [deviceId],
    );
    if (!row) return null;
    return {
      agentId: Number(row.id),
      computerId: row.computer_id === null ? null : Number(row.computer_id),
      kind: row.kind,
      version: row.version,
      userAgent: row.user_agent,
      lastInventoryAt: row.last_inventory_at ? dateFromDb(row.last_inventory_at).getTime() : null,
    };
  }
}
