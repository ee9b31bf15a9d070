import type { MenuEntry } from '@parc/contracts';
import { navTestId, orderMenu } from './menu';

const entry = (path: string, en: string, order?: number, plugin?: string): MenuEntry => ({ path, label: { en }, icon: 'x', order, plugin });

describe('orderMenu', () => {
  it('orders by `order`, then by label, entries without order last', () => {
    const ordered = orderMenu([
      entry('/deploy', 'Deployment', undefined, 'deploy'),
      entry('/users', 'Users', 20),
      entry('/entities', 'Entities', 10),
      entry('/audit', 'Audit log', 20),
    ]);
    expect(ordered.map((e) => e.path)).toEqual(['/entities', '/audit', '/users', '/deploy']);
  });

  it('keeps the first entry of a path listed twice, and does not mutate its input', () => {
    const input = [entry('/users', 'Users', 20), entry('/users', 'Users (again)', 30)];
    expect(orderMenu(input)).toEqual([input[0]]);
    expect(input).toHaveLength(2);
  });
});

describe('navTestId', () => {
  it('derives a stable test id from the path', () => {
    expect(navTestId('/entities')).toBe('nav-entities');
    expect(navTestId('/deploy/tasks')).toBe('nav-deploy-tasks');
    expect(navTestId('/')).toBe('nav-home');
  });
});
