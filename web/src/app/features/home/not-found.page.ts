import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeader } from '../../shared/page-header/page-header';

@Component({
  selector: 'parc-not-found-page',
  imports: [MatButtonModule, RouterLink, TPipe, PageHeader],
  template: `
    <parc-page-header [title]="'notFound.title' | t" [subtitle]="'notFound.text' | t" />
    <a mat-flat-button routerLink="/">{{ 'notFound.home' | t }}</a>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
