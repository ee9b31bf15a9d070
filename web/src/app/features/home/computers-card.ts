import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SearchCriterion } from '@parc/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { serializeCriteria } from '../computers/computer-search';
import { ComputersApi } from '../computers/computers.api';

/** Computers whose agent called in the last 24 hours (the criteria search takes relative dates). */
export const RECENT_CONTACT: readonly SearchCriterion[] = [{ field: 'lastContact', operator: 'more', value: '-24h' }];

/** Home page card: how many computers the scope holds, and how many reported in the last 24 hours. */
@Component({
  selector: 'parc-computers-card',
  imports: [RouterLink, Icon, TPipe],
  template: `
    @let counts = stats.value();
    <a class="stat" routerLink="/computers" data-testid="home-computers">
      <parc-icon name="computer" />
      <span class="numbers">
        <span class="big" data-testid="home-computers-total">{{ counts ? counts.total : '…' }}</span>
        <span class="label">{{ 'home.computers' | t: { count: counts?.total ?? 0 } }}</span>
      </span>
    </a>
    <a class="stat" routerLink="/computers" [queryParams]="{ criteria: recentCriteria }" data-testid="home-computers-recent-link">
      <parc-icon name="router" />
      <span class="numbers">
        <span class="big" data-testid="home-computers-recent">{{ counts ? (counts.recent ?? '—') : '…' }}</span>
        <span class="label">{{ 'home.recentContacts' | t }}</span>
      </span>
    </a>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 12px;
      margin-bottom: 16px;
    }
    .stat {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 16px 20px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      text-decoration: none;
      --parc-icon-size: 32px;
    }
    .numbers {
      display: flex;
      flex-direction: column;
    }
    .big {
      font: var(--mat-sys-headline-medium);
    }
    .label {
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputersCard {
  private readonly api = inject(ComputersApi);
  protected readonly recentCriteria = serializeCriteria(RECENT_CONTACT);
  protected readonly stats = remoteData(
    () => null,
    () =>
      forkJoin({
        total: this.api.count({ q: '', criteria: [], expression: '' }),
        // A secondary figure: if the server cannot answer it, the card shows a dash rather than an error.
        recent: this.api.count({ q: '', criteria: RECENT_CONTACT, expression: '' }, { silent: true }).pipe(catchError(() => of(null))),
      }),
    null as { total: number; recent: number | null } | null,
  );
}
