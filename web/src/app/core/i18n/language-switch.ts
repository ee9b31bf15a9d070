import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { I18n, LANGUAGES, type Language } from './i18n.service';
import { TPipe } from './t.pipe';
import { Icon } from '../icons/icon';

/** The English / French switch (toolbar and login page); the choice is remembered in localStorage. */
@Component({
  selector: 'parc-language-switch',
  imports: [MatButtonModule, MatMenuModule, MatTooltipModule, Icon, TPipe],
  template: `
    <button
      mat-button
      type="button"
      [matMenuTriggerFor]="languageMenu"
      [matTooltip]="'language.choose' | t"
      data-testid="language-switch"
    >
      <parc-icon matButtonIcon name="translate" />
      <span class="code">{{ i18n.language().toUpperCase() }}</span>
    </button>
    <mat-menu #languageMenu="matMenu">
      @for (language of languages; track language) {
        <button
          mat-menu-item
          type="button"
          [attr.aria-current]="language === i18n.language()"
          [attr.data-testid]="'language-' + language"
          (click)="choose(language)"
        >
          {{ 'language.' + language | t }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    @media (max-width: 700px) {
      .code {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly i18n = inject(I18n);
  protected readonly languages = LANGUAGES;

  protected choose(language: Language): void {
    this.i18n.setLanguage(language);
  }
}
