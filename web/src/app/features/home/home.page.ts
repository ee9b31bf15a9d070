import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { Bits } from '@parc/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { navTestId } from '../../core/nav/menu';
import { MenuService } from '../../core/nav/menu.service';
import { PageHeader } from '../../shared/page-header/page-header';
import { ComputersCard } from './computers-card';

/** Landing page: who and where you are, the computers at a glance, and a card per section of the navigation. */
@Component({
  selector: 'parc-home-page',
  imports: [MatCardModule, RouterLink, Icon, TPipe, LocalizePipe, PageHeader, ComputersCard],
  template: `
    <parc-page-header
      [title]="'home.welcome' | t: { name: auth.me()?.name || auth.me()?.login || '' }"
      [subtitle]="'home.activeEntity' | t: { entity: activeEntity.activeEntity()?.completeName ?? '—' }"
    />
    @if (canSeeComputers()) {
      <parc-computers-card />
    }
    <div class="cards">
      @for (entry of menu.entries(); track entry.path) {
        <a class="card" [routerLink]="entry.path" [attr.data-testid]="'home-' + navTestId(entry.path)">
          <parc-icon [name]="entry.icon" />
          <span>{{ entry.label | localize }}</span>
        </a>
      }
    </div>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 12px;
    }
    .card {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 20px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      font: var(--mat-sys-title-medium);
      transition: background-color 120ms;
    }
    .card:hover,
    .card:focus-visible {
      background: var(--mat-sys-secondary-container);
    }
    parc-icon {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly auth = inject(AuthService);
  protected readonly activeEntity = inject(ActiveEntityStore);
  protected readonly menu = inject(MenuService);
  protected readonly navTestId = navTestId;
  protected readonly canSeeComputers = computed(() => this.auth.me() !== null && this.auth.can('computer', Bits.READ));
}
