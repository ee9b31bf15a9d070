import { Injectable } from '@nestjs/common';
import type { InventorySettingsView } from '@parc/contracts';
import type { EntityManager } from 'typeorm';
import { ROOT_ENTITY_ID } from '../entities/entity-node.entity';
import { SettingsService } from '../settings/settings.service';

const DEFAULTS: InventorySettingsView = { defaultEntityId: ROOT_ENTITY_ID, frequencyHours: 24 };

/** Inventory settings, stored as installation settings under `inventory.*`. */
@Injectable()
export class InventorySettingsService {
  constructor(private readonly settings: SettingsService) {}

  async get(): Promise<InventorySettingsView> {
    return {
      defaultEntityId: await this.settings.get('inventory.defaultEntityId', DEFAULTS.defaultEntityId),
      frequencyHours: await this.settings.get('inventory.frequencyHours', DEFAULTS.frequencyHours),
    };
  }

  async set(manager: EntityManager, values: InventorySettingsView): Promise<void> {
    await this.settings.set(manager, 'inventory.defaultEntityId', values.defaultEntityId);
    await this.settings.set(manager, 'inventory.frequencyHours', values.frequencyHours);
  }
}
