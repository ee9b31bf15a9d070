import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordDialog } from '../auth/change-password-dialog';
import { EntitySelector } from '../entity/entity-selector';
import { LocalizePipe, TPipe } from '../i18n/t.pipe';
import { TranslatedPaginatorIntl } from '../i18n/translated-paginator-intl';
import { Icon } from '../icons/icon';
import { navTestId } from '../nav/menu';
import { MenuService } from '../nav/menu.service';
import { GROUPS_PATH, VisibleGroups } from '../nav/visible-groups';
import { LanguageSwitch } from '../i18n/language-switch';

/** The signed-in frame: toolbar (entity, language, user menu), side navigation from the server, and the page. */
@Component({
  selector: 'parc-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatListModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    EntitySelector,
    LanguageSwitch,
    Icon,
    TPipe,
    LocalizePipe,
  ],
  // Provided here rather than at the root so that their Material dependencies stay out of the initial bundle.
  providers: [MenuService, VisibleGroups, { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  protected readonly menu = inject(MenuService);
  protected readonly visibleGroups = inject(VisibleGroups).entries;
  protected readonly groupsPath = GROUPS_PATH;

  protected readonly me = this.auth.me;
  protected readonly navTestId = navTestId;
  /** Side-by-side navigation on wide screens, a drawer over the page on narrow ones. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 900px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly initials = computed(() =>
    (this.me()?.name || this.me()?.login || '?')
      .split(/\s+/)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .slice(0, 2)
      .join(''),
  );

  protected changePassword(): void {
    this.dialog.open(ChangePasswordDialog, { width: '420px' });
  }

  protected logout(): void {
    this.auth.logout();
  }
}
