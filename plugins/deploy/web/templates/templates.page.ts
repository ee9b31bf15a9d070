import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n, Icon, IconButton, ListPaginator, ListState, SearchField, TPipe, bindListToUrl, emptyPage, remoteData } from '@parc/web-sdk';
import { filter } from 'rxjs';
import { DeployApi } from '../deploy.api';
import { ConfirmedAction, rightSignals } from '../shared/confirmed-action';
import { type Behaviours, PACKAGE_RIGHT, type TemplateView } from '../deploy.model';
import { TemplateDialog, type TemplateDialogData } from './template-dialog';

/**
 * Interaction templates: icon, buttons, timeout and what each answer does, shared by the user interactions of
 * many packages. A template still used by a draft cannot be deleted (the server says which).
 */
@Component({
  selector: 'parc-deploy-templates-page',
  imports: [MatButtonModule, MatProgressBarModule, Icon, IconButton, TPipe, SearchField, ListPaginator],
  template: `
    <div class="parc-filters">
      <parc-search-field [label]="'deploy.templates.search' | t" testId="templates-q" [value]="list.q()" (search)="list.setFilter($event)" />
      <span class="push"></span>
      @if (canCreate()) {
        <button mat-flat-button type="button" (click)="create()" data-testid="templates-create">
          <parc-icon matButtonIcon name="add" />
          {{ 'deploy.templates.create' | t }}
        </button>
      }
    </div>
    <div class="parc-table-card">
      @if (templates.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table class="parc-simple-table" data-testid="templates-table">
        <thead>
          <tr>
            <th>{{ 'deploy.templates.name' | t }}</th>
            <th>{{ 'deploy.interaction.icon' | t }}</th>
            <th>{{ 'deploy.interaction.buttons' | t }}</th>
            <th class="seconds">{{ 'deploy.interaction.timeout' | t }}</th>
            <th>{{ 'deploy.interaction.behaviours' | t }}</th>
            <th>{{ 'deploy.entity' | t }}</th>
            <th class="parc-actions-cell"></th>
          </tr>
        </thead>
        <tbody>
          @for (template of templates.value().items; track template.id) {
            <tr data-testid="template-row" [attr.data-template-id]="template.id" [attr.data-name]="template.name">
              <td class="title">{{ template.name }}</td>
              <td>{{ 'deploy.icons.' + template.icon | t }}</td>
              <td>{{ 'deploy.buttons.' + template.buttons | t }}</td>
              <td class="seconds">{{ template.timeout }}</td>
              <td>
                @for (entry of behaviourList(template.behaviours); track entry.answer) {
                  <span class="behaviour">{{ 'deploy.answers.' + entry.answer | t }} → {{ 'deploy.behaviours.' + entry.behaviour | t }}</span>
                } @empty {
                  <span class="quiet">—</span>
                }
              </td>
              <td>{{ template.entityName }}</td>
              <td class="parc-actions-cell">
                @if (canUpdate()) {
                  <parc-icon-button icon="edit" label="common.edit" (pressed)="edit(template)" data-testid="template-edit" />
                }
                @if (canDelete()) {
                  <parc-icon-button icon="delete" label="common.delete" (pressed)="remove(template)" data-testid="template-delete" />
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="parc-empty">{{ (templates.loading() ? 'common.loading' : 'deploy.templates.empty') | t }}</td>
            </tr>
          }
        </tbody>
      </table>
      <parc-list-paginator [state]="list" [total]="templates.value().total" />
    </div>
  `,
  styles: `
    .push {
      flex: 1 1 auto;
    }
    .seconds {
      text-align: end;
    }
    .title {
      font-weight: 500;
    }
    .behaviour {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .quiet {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplatesPage {
  private readonly api = inject(DeployApi);
  private readonly dialog = inject(MatDialog);
  private readonly actions = inject(ConfirmedAction);
  private readonly i18n = inject(I18n);

  protected readonly list = new ListState({ limit: 25 });
  protected readonly templates = remoteData(() => this.list.query(), (query) => this.api.templates(query), emptyPage<TemplateView>());
  private readonly rights = rightSignals(PACKAGE_RIGHT);
  protected readonly canCreate = this.rights.canCreate;
  protected readonly canUpdate = this.rights.canUpdate;
  protected readonly canDelete = this.rights.canDelete;

  constructor() {
    bindListToUrl(this.list, { sorts: [], sort: '', limit: 25 });
  }

  protected behaviourList(behaviours: Behaviours): { answer: string; behaviour: string }[] {
    return Object.entries(behaviours).map(([answer, behaviour]) => ({ answer, behaviour: behaviour ?? '' }));
  }

  protected create(): void {
    this.open({});
  }

  protected edit(template: TemplateView): void {
    this.open({ template });
  }

  protected remove(template: TemplateView): void {
    this.actions.run(
      {
        title: this.i18n.t('deploy.templates.deleteTitle'),
        message: this.i18n.t('deploy.templates.deleteConfirm', { name: template.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      },
      () => this.api.deleteTemplate(template.id),
      () => ({ message: this.i18n.t('deploy.templates.deleted', { name: template.name }), then: () => this.templates.reload() }),
    );
  }

  private open(data: TemplateDialogData): void {
    this.dialog
      .open<TemplateDialog, TemplateDialogData, boolean>(TemplateDialog, { data, width: '640px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.templates.reload());
  }
}
