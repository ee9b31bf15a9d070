import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n, Icon, IconButton, ListPaginator, ListState, SearchField, TPipe, bindListToUrl, emptyPage, remoteData } from '@parc/web-sdk';
import { filter } from 'rxjs';
import { DeployApi } from '../deploy.api';
import { ConfirmedAction, rightSignals } from '../shared/confirmed-action';
import { MIRROR_RIGHT, type MirrorView } from '../deploy.model';
import { MirrorDialog, type MirrorDialogData } from './mirror-dialog';

/**
 * Mirrors: web servers holding copies of the file parts, offered to the agents of the networks they serve
 * (any location when none), in position order.
 */
@Component({
  selector: 'parc-deploy-mirrors-page',
  imports: [MatButtonModule, MatProgressBarModule, Icon, IconButton, TPipe, SearchField, ListPaginator],
  template: `
    <div class="parc-filters">
      <parc-search-field [label]="'deploy.mirrors.search' | t" testId="mirrors-q" [value]="list.q()" (search)="list.setFilter($event)" />
      <span class="grow"></span>
      @if (canCreate()) {
        <button mat-flat-button type="button" (click)="create()" data-testid="mirrors-create">
          <parc-icon matButtonIcon name="add" />
          {{ 'deploy.mirrors.create' | t }}
        </button>
      }
    </div>
    <div class="parc-table-card">
      @if (mirrors.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table class="parc-simple-table" data-testid="mirrors-table">
        <thead>
          <tr>
            <th class="position">{{ 'deploy.mirrors.position' | t }}</th>
            <th>{{ 'deploy.mirrors.name' | t }}</th>
            <th>{{ 'deploy.mirrors.url' | t }}</th>
            <th>{{ 'deploy.mirrors.networks' | t }}</th>
            <th>{{ 'deploy.entity' | t }}</th>
            <th>{{ 'deploy.mirrors.active' | t }}</th>
            <th class="parc-actions-cell"></th>
          </tr>
        </thead>
        <tbody>
          @for (mirror of mirrors.value().items; track mirror.id) {
            <tr data-testid="mirror-row" [attr.data-mirror-id]="mirror.id" [attr.data-name]="mirror.name">
              <td class="position">{{ mirror.position }}</td>
              <td class="name">{{ mirror.name }}</td>
              <td><code>{{ mirror.url }}</code></td>
              <td>
                @for (network of mirror.networks; track network) {
                  <code class="network">{{ network }}</code>
                } @empty {
                  <span class="quiet">{{ 'deploy.mirrors.anywhere' | t }}</span>
                }
              </td>
              <td>{{ mirror.entityName }}</td>
              <td><span class="parc-badge" [class.off]="!mirror.active">{{ (mirror.active ? 'common.yes' : 'common.no') | t }}</span></td>
              <td class="parc-actions-cell">
                @if (canUpdate()) {
                  <parc-icon-button icon="edit" label="common.edit" (pressed)="edit(mirror)" data-testid="mirror-edit" />
                }
                @if (canDelete()) {
                  <parc-icon-button icon="delete" label="common.delete" (pressed)="remove(mirror)" data-testid="mirror-delete" />
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="parc-empty">{{ (mirrors.loading() ? 'common.loading' : 'deploy.mirrors.empty') | t }}</td>
            </tr>
          }
        </tbody>
      </table>
      <parc-list-paginator [state]="list" [total]="mirrors.value().total" />
    </div>
  `,
  styles: `
    .grow {
      flex: 1 1 auto;
    }
    .position {
      width: 1%;
      text-align: end;
    }
    .name {
      font-weight: 500;
    }
    .network {
      display: inline-block;
      margin-inline-end: 8px;
    }
    .quiet {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MirrorsPage {
  private readonly api = inject(DeployApi);
  private readonly dialog = inject(MatDialog);
  private readonly actions = inject(ConfirmedAction);
  private readonly i18n = inject(I18n);

  protected readonly list = new ListState({ limit: 25 });
  protected readonly mirrors = remoteData(() => this.list.query(), (query) => this.api.mirrors(query), emptyPage<MirrorView>());
  private readonly rights = rightSignals(MIRROR_RIGHT);
  protected readonly canCreate = this.rights.canCreate;
  protected readonly canUpdate = this.rights.canUpdate;
  protected readonly canDelete = this.rights.canDelete;

  constructor() {
    bindListToUrl(this.list, { sorts: [], sort: '', limit: 25 });
  }

  protected create(): void {
    this.open({});
  }

  protected edit(mirror: MirrorView): void {
    this.open({ mirror });
  }

  protected remove(mirror: MirrorView): void {
    this.actions.run(
      {
        title: this.i18n.t('deploy.mirrors.deleteTitle'),
        message: this.i18n.t('deploy.mirrors.deleteConfirm', { name: mirror.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      },
      () => this.api.deleteMirror(mirror.id),
      () => ({ message: this.i18n.t('deploy.mirrors.deleted', { name: mirror.name }), then: () => this.mirrors.reload() }),
    );
  }

  private open(data: MirrorDialogData): void {
    this.dialog
      .open<MirrorDialog, MirrorDialogData, boolean>(MirrorDialog, { data, width: '560px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.mirrors.reload());
  }
}
