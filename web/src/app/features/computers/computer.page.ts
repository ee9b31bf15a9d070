import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, type Type, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { Bits, type ComputerView, type LocalizedText, type TabView } from '@parc/contracts';
import { filter, switchMap } from 'rxjs';
import { errorAlreadyShown } from '../../core/api/request-context';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { Notifier } from '../../core/notify/notifier';
import { WEB_PLUGINS } from '../../core/plugins/web-plugin';
import { remoteData } from '../../shared/data/remote-data';
import { ConfirmService } from '../../shared/dialogs/confirm-dialog';
import { PageHeader } from '../../shared/page-header/page-header';
import { ComputerEditDialog } from './computer-edit-dialog';
import { ComputersApi } from './computers.api';
import { ComputerAgents } from './tabs/computer-agents';
import { ComputerDisks } from './tabs/computer-disks';
import { ComputerGeneral } from './tabs/computer-general';
import { ComputerHardware } from './tabs/computer-hardware';
import { ComputerHistory } from './tabs/computer-history';
import { ComputerNetwork } from './tabs/computer-network';
import { ComputerSoftware } from './tabs/computer-software';

export const CORE_COMPUTER_TABS = ['general', 'hardware', 'software', 'disks', 'network', 'agents', 'history'] as const;

/** A plugin tab both listed by the server for this user and provided by a web part. */
export interface PluginTab {
  key: string;
  label: LocalizedText;
  loadComponent: () => Promise<Type<unknown>>;
}

/** The plugin tabs to show: the server's list (rights, order) joined with the components the web parts bring. */
export function pluginTabs(
  serverTabs: readonly TabView[],
  webTabs: readonly { itemType: string; key: string; loadComponent: () => Promise<Type<unknown>> }[],
  itemType: string,
): PluginTab[] {
  return serverTabs.flatMap((tab) => {
    if (tab.itemType !== itemType) return [];
    const web = webTabs.find((candidate) => candidate.itemType === itemType && candidate.key === tab.key);
    return web ? [{ key: tab.key, label: tab.label, loadComponent: web.loadComponent }] : [];
  });
}

/**
 * One computer: a tab per part of its inventory (the open tab is the `tab` query parameter), then the tabs of
 * plugins. Renaming and moving need computer UPDATE, deleting computer DELETE.
 */
@Component({
  selector: 'parc-computer-page',
  imports: [
    NgComponentOutlet,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    RouterLink,
    Icon,
    TPipe,
    LocalizePipe,
    PageHeader,
    ComputerGeneral,
    ComputerHardware,
    ComputerSoftware,
    ComputerDisks,
    ComputerNetwork,
    ComputerAgents,
    ComputerHistory,
  ],
  templateUrl: './computer.page.html',
  styleUrl: './computer.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerPage {
  private readonly api = inject(ComputersApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly webTabs = inject(WEB_PLUGINS).flatMap((plugin) => plugin.tabs ?? []);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter: the open tab. */
  readonly tab = input<string>();

  protected readonly computerId = computed(() => Number.parseInt(this.id(), 10));
  protected readonly computer = remoteData(() => this.computerId(), (id) => this.api.get(id), null as ComputerView | null);
  /** Shown only for the computer asked for (not the previous one while the next loads). */
  protected readonly current = computed(() => {
    const computer = this.computer.value();
    return computer?.id === this.computerId() && !this.computer.error() ? computer : null;
  });
  private readonly serverTabs = remoteData(() => null, () => this.api.tabs('computer'), [] as TabView[]);
  protected readonly pluginTabs = computed(() => pluginTabs(this.serverTabs.value(), this.webTabs, 'computer'));
  protected readonly coreTabs = CORE_COMPUTER_TABS;
  protected readonly activeTab = computed(() => this.tab() || 'general');
  protected readonly activePluginTab = computed(() => this.pluginTabs().find((tab) => tab.key === this.activeTab()) ?? null);
  protected readonly pluginComponent = signal<Type<unknown> | null>(null);

  protected readonly canUpdate = computed(() => this.auth.me() !== null && this.auth.can('computer', Bits.UPDATE));
  protected readonly canDelete = computed(() => this.auth.me() !== null && this.auth.can('computer', Bits.DELETE));

  constructor() {
    effect(() => {
      const tab = this.activePluginTab();
      untracked(() => this.pluginComponent.set(null));
      if (!tab) return;
      tab.loadComponent().then(
        (component) => {
          if (this.activePluginTab() === tab) this.pluginComponent.set(component);
        },
        (error: unknown) => this.notifier.error(String(error)),
      );
    });
  }

  protected tabParams(key: string): { tab: string | null } {
    return { tab: key === 'general' ? null : key };
  }

  protected edit(): void {
    const computer = this.current();
    if (!computer) return;
    this.dialog
      .open<ComputerEditDialog, ComputerView, boolean>(ComputerEditDialog, { data: computer, width: '520px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.computer.reload());
  }

  protected unlockName(): void {
    const computer = this.current();
    if (!computer) return;
    this.api.update(computer.id, { unlock: ['name'] }).subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('computers.nameUnlocked'));
        this.computer.reload();
      },
      error: errorAlreadyShown,
    });
  }

  protected remove(): void {
    const computer = this.current();
    if (!computer) return;
    this.confirm
      .ask({
        title: this.i18n.t('computers.deleteTitle'),
        message: this.i18n.t('computers.deleteConfirm', { name: computer.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.remove(computer.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success(this.i18n.t('computers.deleted', { name: computer.name }));
          void this.router.navigate(['/computers']);
        },
        error: errorAlreadyShown,
      });
  }
}
