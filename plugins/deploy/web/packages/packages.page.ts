import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  AuthService,
  Bits,
  DateTimePipe,
  Icon,
  ListPaginator,
  type ListParamsOptions,
  ListState,
  SavedSearches,
  SearchField,
  TPipe,
  bindListToUrl,
  emptyPage,
  remoteData,
} from '@parc/web-sdk';
import { filter } from 'rxjs';
import { DeployApi } from '../deploy.api';
import { PACKAGE_RIGHT, type PackageView } from '../deploy.model';
import { EntityNamePipe } from '../shared/entity-name.pipe';
import { PackageDialog, type PackageDialogData } from './package-dialog';
import { PackageImportDialog } from './package-import-dialog';
import { revisionOverview, statusKey } from './revision-status';

/** Sort fields of GET /api/deploy/packages. */
export const PACKAGE_LIST: ListParamsOptions = { sorts: ['name', 'updatedAt', 'createdAt'], sort: 'name', limit: 25 };

/**
 * Deployment packages of the active scope: server-side paging, sorting and quick filter kept in the URL (so
 * searches can be saved), each with its entity and where its revisions stand; create and import.
 */
@Component({
  selector: 'parc-deploy-packages-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    Icon,
    TPipe,
    DateTimePipe,
    SearchField,
    ListPaginator,
    SavedSearches,
    EntityNamePipe,
  ],
  templateUrl: './packages.page.html',
  styleUrl: './packages.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PackagesPage {
  private readonly api = inject(DeployApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly list = new ListState({ sort: PACKAGE_LIST.sort, limit: PACKAGE_LIST.limit });
  protected readonly packages = remoteData(() => this.list.query(), (query) => this.api.packages(query), emptyPage<PackageView>());
  protected readonly columns = ['name', 'entity', 'revision', 'updatedAt'];
  protected readonly canCreate = computed(() => this.auth.me() !== null && this.auth.can(PACKAGE_RIGHT, Bits.CREATE));
  protected readonly overview = revisionOverview;
  protected readonly statusKey = statusKey;

  constructor() {
    bindListToUrl(this.list, PACKAGE_LIST);
  }

  protected create(): void {
    this.dialog
      .open<PackageDialog, PackageDialogData, PackageView>(PackageDialog, { data: {}, width: '560px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe((pkg) => void this.router.navigate(['/deploy/packages', pkg.id]));
  }

  protected importArchive(): void {
    this.dialog
      .open<PackageImportDialog, void, PackageView>(PackageImportDialog, { width: '560px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe((pkg) => void this.router.navigate(['/deploy/packages', pkg.id]));
  }

  protected open(pkg: PackageView): void {
    void this.router.navigate(['/deploy/packages', pkg.id]);
  }
}
