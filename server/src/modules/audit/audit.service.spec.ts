import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '../../common/database/snake-naming.strategy';
import { RequestContext } from '../../sdk/request-context';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

describe('AuditService', () => {
  let ds: DataSource;
  const ctx = RequestContext.forUser({ id: 7, login: 'jeanne' }, { id: 1, path: '/1/' }, true, [{ id: 1, path: '/1/' }], []);

  beforeAll(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [AuditEvent], synchronize: true, namingStrategy: new SnakeNamingStrategy() }).initialize();
  });
  afterAll(() => ds.destroy());

  it('keeps only changed fields of an update, and never secrets', async () => {
    const audit = new AuditService();
    await audit.record(ds.manager, ctx, {
      action: 'update',
      itemType: 'user',
      itemId: 3,
      entityId: 1,
      before: { name: 'A', email: 'a@x', passwordHash: 'h1', updatedAt: new Date(0) },
      after: { name: 'B', email: 'a@x', passwordHash: 'h2', updatedAt: new Date(1) },
    });
    const [event] = await ds.getRepository(AuditEvent).find();
    expect(event).toMatchObject({ userId: 7, userLogin: 'jeanne', action: 'update', itemType: 'user', itemId: 3, before: { name: 'A' }, after: { name: 'B' } });
  });

  it('writes nothing for an update that changed nothing', async () => {
    const audit = new AuditService();
    const count = await ds.getRepository(AuditEvent).count();
    await audit.record(ds.manager, ctx, { action: 'update', itemType: 'user', itemId: 3, entityId: 1, before: { name: 'B' }, after: { name: 'B' } });
    expect(await ds.getRepository(AuditEvent).count()).toBe(count);
  });

  it('rolls back with the change it describes', async () => {
    const audit = new AuditService();
    const count = await ds.getRepository(AuditEvent).count();
    await expect(
      ds.transaction(async (m) => {
        await audit.record(m, ctx, { action: 'delete', itemType: 'user', itemId: 4, entityId: 1, before: { name: 'C' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await ds.getRepository(AuditEvent).count()).toBe(count);
  });
});
