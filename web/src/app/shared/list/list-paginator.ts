import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import { type ListState, PAGE_SIZES } from './list-state';

/** The paginator of a server-side list, bound to its ListState. */
@Component({
  selector: 'parc-list-paginator',
  imports: [MatPaginatorModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-paginator
      [length]="total()"
      [pageIndex]="state().pageIndex()"
      [pageSize]="state().limit()"
      [pageSizeOptions]="pageSizes"
      (page)="state().onPage($event)"
      showFirstLastButtons
    />
  `,
})
export class ListPaginator {
  readonly state = input.required<ListState>();
  readonly total = input.required<number>();
  protected readonly pageSizes = PAGE_SIZES;
}
