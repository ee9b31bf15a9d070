import { Injectable, inject } from '@angular/core';
import type { EntityRuleKind, EntityRuleView, InventorySettingsView } from '@parc/contracts';
import { Observable, map } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';

export interface EntityRuleInput {
  name: string;
  kind: EntityRuleKind;
  pattern: string;
  entityId: number;
  active: boolean;
}

/** Inventory settings and entity rules (docs/api.md, "Computers, agents, inventory"). */
@Injectable({ providedIn: 'root' })
export class InventoryApi {
  private readonly api = inject(ApiClient);

  settings(): Observable<InventorySettingsView> {
    return this.api.get<InventorySettingsView>('/inventory/settings');
  }

  saveSettings(settings: InventorySettingsView): Observable<InventorySettingsView> {
    return this.api.put<InventorySettingsView>('/inventory/settings', settings);
  }

  /** The rules in the order they are tried. */
  rules(): Observable<EntityRuleView[]> {
    return this.api
      .items<EntityRuleView>('/inventory/entity-rules')
      .pipe(map((rules) => [...rules].sort((a, b) => a.position - b.position || a.id - b.id)));
  }

  createRule(input: EntityRuleInput): Observable<EntityRuleView> {
    return this.api.post<EntityRuleView>('/inventory/entity-rules', input);
  }

  updateRule(id: number, changes: Partial<EntityRuleInput> & { position?: number }): Observable<EntityRuleView> {
    return this.api.patch<EntityRuleView>(`/inventory/entity-rules/${id}`, changes);
  }

  deleteRule(id: number): Observable<void> {
    return this.api.delete(`/inventory/entity-rules/${id}`);
  }
}
