import { Pipe, type PipeTransform, inject } from '@angular/core';
import { ActiveEntityStore } from '@parc/web-sdk';

/**
 * `{{ pkg.entityId | entityName }}`: the complete name of an entity the user may choose (lists that answer only
 * ids), else `#id`. Impure: the entities arrive with /auth/me.
 */
@Pipe({ name: 'entityName', pure: false })
export class EntityNamePipe implements PipeTransform {
  private readonly entities = inject(ActiveEntityStore);

  transform(entityId: number): string {
    return this.entities.entities().find((entity) => entity.id === entityId)?.completeName ?? `#${entityId}`;
  }
}
