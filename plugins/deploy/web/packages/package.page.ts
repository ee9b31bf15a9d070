import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ActiveEntityStore,
  AuthService,
  Bits,
  DateTimePipe,
  I18n,
  Icon,
  IconButton,
  PageHeader,
  TPipe,
  remoteData,
  saveFile,
} from '@parc/web-sdk';
import { type Observable, filter, finalize } from 'rxjs';
import { DeployApi } from '../deploy.api';
import { ConfirmedAction } from '../shared/confirmed-action';
import { PACKAGE_RIGHT, type PackageView, type RevisionSummary, type RevisionView } from '../deploy.model';
import { dispositionFileName } from '../shared/download';
import { PackageDialog, type PackageDialogData } from './package-dialog';
import { RevisionDiffPanel } from './revision-diff';
import { draftOf, statusKey } from './revision-status';

/** Nothing more to do: the error interceptor already showed the server's message. */
const shown = (): void => undefined;

/**
 * One package: name, description and entity (editable), its revisions (publish the draft, retire a published
 * one, export any), "Edit" to open the draft, and the differences between two revisions.
 */
@Component({
  selector: 'parc-deploy-package-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, Icon, IconButton, TPipe, DateTimePipe, PageHeader, RevisionDiffPanel],
  templateUrl: './package.page.html',
  styleUrl: './package.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PackagePage {
  private readonly api = inject(DeployApi);
  private readonly auth = inject(AuthService);
  private readonly entities = inject(ActiveEntityStore);
  private readonly dialog = inject(MatDialog);
  private readonly actions = inject(ConfirmedAction);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly packageId = computed(() => Number.parseInt(this.id(), 10));
  protected readonly pkg = remoteData(() => this.packageId(), (id) => this.api.package(id), null as PackageView | null);
  /** Shown only for the package asked for (not the previous one while the next loads). */
  protected readonly current = computed(() => {
    const pkg = this.pkg.value();
    return pkg?.id === this.packageId() && !this.pkg.error() ? pkg : null;
  });
  protected readonly revisions = computed(() => [...(this.current()?.revisions ?? [])].sort((a, b) => b.number - a.number));
  protected readonly draft = computed(() => {
    const pkg = this.current();
    return pkg ? draftOf(pkg) : null;
  });
  protected readonly entityName = computed(() => {
    const pkg = this.current();
    return pkg ? (this.entities.entities().find((e) => e.id === pkg.entityId)?.completeName ?? `#${pkg.entityId}`) : '';
  });
  protected readonly canUpdate = computed(() => this.auth.me() !== null && this.auth.can(PACKAGE_RIGHT, Bits.UPDATE));
  protected readonly canDelete = computed(() => this.auth.me() !== null && this.auth.can(PACKAGE_RIGHT, Bits.DELETE));
  /** The revision whose action is under way: its buttons wait. */
  protected readonly busy = signal<number | 'draft' | null>(null);
  protected readonly statusKey = statusKey;

  /** Where a revision opens: the draft in the editor for those who may change it, else read-only. */
  protected revisionLink(revision: RevisionSummary): unknown[] {
    return revision.status === 'draft' && this.canUpdate() ? ['/deploy/packages', this.packageId(), 'draft'] : ['/deploy/packages', this.packageId(), 'revisions', revision.number];
  }

  protected editDetails(): void {
    const pkg = this.current();
    if (!pkg) return;
    this.dialog
      .open<PackageDialog, PackageDialogData, PackageView>(PackageDialog, { data: { pkg, entityName: this.entityName() }, width: '560px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.pkg.reload());
  }

  /** Opens the draft, created from the latest revision when the package has none. */
  protected editDraft(): void {
    this.busy.set('draft');
    this.api
      .draft(this.packageId())
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ next: () => void this.router.navigate(['/deploy/packages', this.packageId(), 'draft']), error: shown });
  }

  protected publish(revision: RevisionSummary): void {
    this.transition(revision, 'publish', (id, number) => this.api.publish(id, number));
  }

  protected retire(revision: RevisionSummary): void {
    this.transition(revision, 'retire', (id, number) => this.api.retire(id, number));
  }

  protected exportRevision(revision: RevisionSummary): void {
    const pkg = this.current();
    if (!pkg) return;
    this.busy.set(revision.number);
    this.api
      .exportRevision(pkg.id, revision.number)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (response) => {
          if (response.body) saveFile(response.body, dispositionFileName(response.headers.get('Content-Disposition'), `package-${pkg.id}-r${revision.number}.tar`));
        },
        error: shown,
      });
  }

  protected remove(): void {
    const pkg = this.current();
    if (!pkg) return;
    this.actions.run(
      {
        title: this.i18n.t('deploy.package.deleteTitle'),
        message: this.i18n.t('deploy.package.deleteConfirm', { name: pkg.name }),
        confirm: this.i18n.t('common.delete'),
        danger: true,
      },
      () => this.api.deletePackage(pkg.id),
      () => ({ message: this.i18n.t('deploy.package.deleted', { name: pkg.name }), then: () => void this.router.navigate(['/deploy/packages']) }),
    );
  }

  private transition(revision: RevisionSummary, action: 'publish' | 'retire', call: (id: number, number: number) => Observable<RevisionView>): void {
    const pkg = this.current();
    if (!pkg) return;
    this.actions.run(
      {
        title: this.i18n.t(`deploy.revision.${action}Title`, { number: revision.number }),
        message: this.i18n.t(`deploy.revision.${action}Confirm`, { number: revision.number, name: pkg.name }),
        confirm: this.i18n.t(`deploy.revision.${action}`),
        danger: action === 'retire',
      },
      () => {
        this.busy.set(revision.number);
        return call(pkg.id, revision.number).pipe(finalize(() => this.busy.set(null)));
      },
      () => ({ message: this.i18n.t(action === 'publish' ? 'deploy.revision.published' : 'deploy.revision.retired', { number: revision.number }), then: () => this.pkg.reload() }),
    );
  }
}
