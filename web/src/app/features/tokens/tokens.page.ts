import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { ApiTokenView } from '@parc/contracts';
import { filter, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { IconButton } from '../../shared/buttons/icon-button';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { ConfirmService } from '../../shared/dialogs/confirm-dialog';
import { PageHeader } from '../../shared/page-header/page-header';
import { CreateTokenDialog } from './create-token-dialog';
import { errorAlreadyShown } from '../../core/api/request-context';

/** The signed-in user's personal API tokens (for scripts): list, create (shown once), revoke. */
@Component({
  selector: 'parc-tokens-page',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, Icon, IconButton, TPipe, DateTimePipe, PageHeader],
  template: `
    <parc-page-header [title]="'tokens.title' | t" [subtitle]="'tokens.subtitle' | t">
      <button mat-flat-button type="button" (click)="create()" data-testid="tokens-create">
        <parc-icon matButtonIcon name="add" />
        {{ 'tokens.create' | t }}
      </button>
    </parc-page-header>

    <div class="parc-table-card">
      @if (tokens.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="tokens.value()">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'tokens.name' | t }}</th>
          <td mat-cell *matCellDef="let token">{{ token.name }}</td>
        </ng-container>
        <ng-container matColumnDef="prefix">
          <th mat-header-cell *matHeaderCellDef>{{ 'tokens.prefix' | t }}</th>
          <td mat-cell *matCellDef="let token"><code>{{ token.prefix }}…</code></td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.createdAt' | t }}</th>
          <td mat-cell *matCellDef="let token">{{ token.createdAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="lastUsedAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'tokens.lastUsed' | t }}</th>
          <td mat-cell *matCellDef="let token">{{ token.lastUsedAt | dateTime: ('tokens.never' | t) }}</td>
        </ng-container>
        <ng-container matColumnDef="expiresAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'tokens.expires' | t }}</th>
          <td mat-cell *matCellDef="let token">{{ token.expiresAt | dateTime: ('tokens.never' | t) }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
          <td mat-cell *matCellDef="let token" class="parc-actions-cell">
            <parc-icon-button icon="delete" label="tokens.revoke" (pressed)="revoke(token)" data-testid="token-revoke" />
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let token; columns: columns" data-testid="token-row" [attr.data-name]="token.name"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell parc-empty" [attr.colspan]="columns.length">
            {{ (tokens.loading() ? 'common.loading' : 'tokens.empty') | t }}
          </td>
        </tr>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokensPage {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly tokens = remoteData(() => null, () => this.api.items<ApiTokenView>('/auth/tokens'), [] as ApiTokenView[]);
  protected readonly columns = ['name', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'actions'];

  protected create(): void {
    this.dialog
      .open<CreateTokenDialog, void, boolean>(CreateTokenDialog, { width: '560px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.tokens.reload());
  }

  protected revoke(token: ApiTokenView): void {
    this.confirm
      .ask({
        title: this.i18n.t('tokens.revokeTitle'),
        message: this.i18n.t('tokens.revokeConfirm', { name: token.name }),
        confirm: this.i18n.t('tokens.revoke'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.delete(`/auth/tokens/${token.id}`)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('tokens.revoked', { name: token.name }));
          this.tokens.reload();
        },
        error: errorAlreadyShown,
      });
  }
}
