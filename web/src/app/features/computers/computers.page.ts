import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeader } from '../../shared/page-header/page-header';
import { SavedSearches } from '../../shared/saved-searches/saved-searches';
import { ComputerList } from './computer-list';

/**
 * Computers of the active scope: the computer list (search in the URL, columns, export, selection and mass
 * actions) and the saved searches of computers.
 */
@Component({
  selector: 'parc-computers-page',
  imports: [TPipe, PageHeader, SavedSearches, ComputerList],
  templateUrl: './computers.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputersPage {}
