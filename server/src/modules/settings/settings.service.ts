import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Setting } from './setting.entity';

/** Settings change rarely and are read on hot paths: each process keeps them this long. */
const CACHE_MS = 10_000;

@Injectable()
export class SettingsService {
  private readonly cache = new Map<string, { value: unknown; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get<T>(name: string, fallback: T): Promise<T> {
    const cached = this.cache.get(name);
    if (cached && cached.until > Date.now()) return cached.value as T;
    const row = await this.dataSource.getRepository(Setting).findOneBy({ name });
    const value = row ? (JSON.parse(row.value) as T) : fallback;
    this.cache.set(name, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  async set(manager: EntityManager, name: string, value: unknown): Promise<void> {
    await manager.getRepository(Setting).upsert({ name, value: JSON.stringify(value) }, ['name']);
    this.cache.delete(name);
  }
}
