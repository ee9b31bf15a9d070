import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { InventoryChangeView } from '@parc/contracts';
import { I18n } from '../../../core/i18n/i18n.service';
import { historySections } from './history';
import { HistoryEntry } from './history-entry';

const change: InventoryChangeView = {
  id: 12,
  at: '2026-03-04T10:20:30Z',
  agentDeviceId: 'pc-042-2026-03-01-10-00-00',
  kind: 'updated',
  fields: {
    osVersion: ['22.04', '24.04'],
    memoryMb: [8192, 16384],
    lastLoggedUser: [null, 'alice'],
  },
  sections: {
    software: { added: ['Firefox 125.0', 'VLC 3.0.20'], removed: ['Firefox 124.0'], addedCount: 5, removedCount: 1 },
    disks: { added: [], removed: [], addedCount: 0, removedCount: 0 },
    users: { added: [], removed: ['bob'], addedCount: 0, removedCount: 1 },
  },
};

@Component({
  imports: [HistoryEntry],
  template: `<parc-history-entry [change]="change()" data-testid="history-entry" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly change = signal(change);
}

describe('HistoryEntry', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.inject(I18n).setLanguage('en');
  });

  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const all = (testId: string) => [...element.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
    const text = (testId: string) => all(testId)[0]?.textContent?.replace(/\s+/g, ' ').trim();
    return { fixture, element, all, text };
  }

  it('summarises the inventory: date, kind, agent, fields and per-section counts', async () => {
    const { text, all } = await render();
    expect(text('history-at')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(change.at)));
    expect(text('history-kind')).toBe('Updated');
    expect(text('history-agent')).toBe('pc-042-2026-03-01-10-00-00');
    expect(text('history-field-count')).toBe('3 field(s) changed');
    // Sections without changes are not shown; software before users.
    expect(all('history-section-count').map((node) => node.getAttribute('data-section'))).toEqual(['software', 'users']);
    const software = all('history-section-count')[0];
    expect(software.firstChild?.textContent?.trim()).toBe('Software');
    expect(software.querySelector('.added')?.textContent).toBe('+5');
    expect(software.querySelector('.removed')?.textContent).toBe('−1');
    expect(all('history-details')).toHaveLength(0);
  });

  it('expands to the values before → after and the names added and removed', async () => {
    const { fixture, all, text } = await render();
    all('history-toggle')[0].click();
    await fixture.whenStable();

    const rows = all('history-field').map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()));
    expect(rows).toEqual([
      ['Last logged-in user', '—', '→', 'alice'],
      ['Memory (MB)', '8192', '→', '16384'],
      ['OS version', '22.04', '→', '24.04'],
    ]);
    expect(all('history-added').map((chip) => chip.textContent)).toEqual(['Firefox 125.0', 'VLC 3.0.20']);
    expect(all('history-removed').map((chip) => chip.textContent)).toEqual(['Firefox 124.0', 'bob']);
    // 5 added, 2 listed: the rest is counted.
    expect(text('history-section')).toContain('and 3 more');
  });

  it('speaks French too', async () => {
    TestBed.inject(I18n).setLanguage('fr');
    const { text } = await render();
    expect(text('history-kind')).toBe('Mise à jour');
    expect(text('history-field-count')).toBe('3 champ(s) modifié(s)');
  });

  it('reads a first inventory as a creation', () => {
    expect(historySections({ ...change, kind: 'created', sections: {} })).toEqual([]);
  });
});
