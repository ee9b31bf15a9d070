import { Injectable, inject } from '@angular/core';
import type { MenuEntry } from '@parc/contracts';
import { map } from 'rxjs';
import { remoteData } from '../../shared/data/remote-data';
import { ApiClient } from '../api/api-client';
import { orderMenu } from './menu';

/**
 * The side navigation (GET /api/ui/menu), reloaded when the active entity changes since rights depend on it.
 * Provided by the shell, so it lives exactly as long as a signed-in session is on screen.
 */
@Injectable()
export class MenuService {
  private readonly api = inject(ApiClient);
  private readonly menu = remoteData(
    () => null,
    () => this.api.items<MenuEntry>('/ui/menu').pipe(map(orderMenu)),
    [] as MenuEntry[],
  );

  readonly entries = this.menu.value;
  readonly loading = this.menu.loading;
}
