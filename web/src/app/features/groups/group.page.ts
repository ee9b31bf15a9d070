import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import type { GroupView, SearchCriterion, SearchFieldView } from '@parc/contracts';
import { filter, finalize, of, switchMap } from 'rxjs';
import { errorAlreadyShown } from '../../core/api/request-context';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { VisibleGroups } from '../../core/nav/visible-groups';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { ConfirmService } from '../../shared/dialogs/confirm-dialog';
import { PageHeader } from '../../shared/page-header/page-header';
import { ComputerList } from '../computers/computer-list';
import { ComputersApi } from '../computers/computers.api';
import { exportName, kindKeys, membersRemovable } from './group-form';
import { GroupImportDialog } from './group-import-dialog';
import { GroupsApi, memberCriterion } from './groups.api';

/**
 * One group: what it is (kind, mode, criteria, last evaluation) and its members, listed with the computers list
 * (search, columns, export, selection and mass actions) restricted to the group. Static groups import members
 * from a file; static and result-mode groups let the selection be removed; dynamic groups can be evaluated again.
 */
@Component({
  selector: 'parc-group-page',
  imports: [MatButtonModule, MatProgressBarModule, MatProgressSpinnerModule, Icon, TPipe, LocalizePipe, DateTimePipe, PageHeader, ComputerList],
  templateUrl: './group.page.html',
  styleUrl: './group.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupPage {
  private readonly api = inject(GroupsApi);
  private readonly computersApi = inject(ComputersApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly visibleGroups = inject(VisibleGroups, { optional: true });

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly groupId = computed(() => Number.parseInt(this.id(), 10));
  protected readonly group = remoteData(() => this.groupId(), (id) => this.api.get(id), null as GroupView | null);
  /** Shown only for the group asked for (not the previous one while the next loads). */
  protected readonly current = computed(() => {
    const group = this.group.value();
    return group?.id === this.groupId() && !this.group.error() ? group : null;
  });
  protected readonly baseCriteria = computed<SearchCriterion[]>(() => [memberCriterion(this.groupId())]);
  protected readonly fileName = computed(() => exportName(this.current()?.name ?? ''));
  protected readonly removable = computed(() => {
    const group = this.current();
    return !!group && group.can.edit && membersRemovable(group);
  });
  protected readonly kindKeys = kindKeys;
  /** Labels of the criteria shown in the summary (only fetched for dynamic groups). */
  private readonly fields = remoteData(
    () => this.current()?.kind === 'dynamic',
    (dynamic) => (dynamic ? this.computersApi.searchFields() : of([] as SearchFieldView[])),
    [] as SearchFieldView[],
  );
  protected readonly busy = signal<'refresh' | 'remove' | null>(null);

  protected fieldLabel(key: string): SearchFieldView['label'] {
    return this.fields.value().find((field) => field.key === key)?.label ?? { en: key };
  }

  protected edit(): void {
    void this.router.navigate(['/groups', this.groupId(), 'edit']);
  }

  /** Evaluates a dynamic group's criteria again. */
  protected refresh(members: ComputerList): void {
    const group = this.current();
    if (!group) return;
    this.busy.set('refresh');
    this.api
      .refresh(group.id)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (result) => {
          this.notifier.success(this.i18n.t('groups.refreshed', { count: result.memberCount, added: result.added, removed: result.removed, ms: result.ms }));
          this.group.reload();
          members.reload();
        },
        error: errorAlreadyShown,
      });
  }

  protected remove(): void {
    const group = this.current();
    if (!group) return;
    this.confirm
      .ask({
        title: this.i18n.t('groups.deleteTitle'),
        message: this.i18n.t('groups.deleteConfirm', { name: group.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.remove(group.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('groups.deleted', { name: group.name }));
          this.visibleGroups?.reload();
          void this.router.navigate(['/groups']);
        },
        error: errorAlreadyShown,
      });
  }

  protected importMembers(members: ComputerList): void {
    const group = this.current();
    if (!group) return;
    this.dialog
      .open<GroupImportDialog, GroupView, boolean>(GroupImportDialog, { data: group, width: '560px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.group.reload();
        members.reload();
      });
  }

  /** Takes the selected computers out of the group (static, or a result-mode dynamic group). */
  protected removeMembers(members: ComputerList): void {
    const group = this.current();
    if (!group) return;
    const count = members.selection.count(members.total());
    this.confirm
      .ask({
        title: this.i18n.t('groups.removeMembers'),
        message: this.i18n.t(group.kind === 'dynamic' ? 'groups.removeMembersConfirmResult' : 'groups.removeMembersConfirm', { count, name: group.name }),
        confirm: this.i18n.t('groups.removeMembers'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set('remove');
          return members.selectedIds().pipe(
            switchMap((ids) => this.api.removeMembers(group.id, ids)),
            finalize(() => this.busy.set(null)),
          );
        }),
      )
      .subscribe({
        next: (change) => {
          this.notifier.success(this.i18n.t('groups.membersRemoved', { count: change.removed, total: change.memberCount }));
          this.group.reload();
          members.reload();
        },
        error: errorAlreadyShown,
      });
  }
}
