import { StorageKeys } from '../../core/storage/local-storage';
import { ColumnPreferences, DEFAULT_COMPUTER_COLUMNS, csvColumns } from './computer-columns';

describe('computer columns', () => {
  beforeEach(() => localStorage.clear());

  it('starts with the default columns', () => {
    expect(new ColumnPreferences().visible()).toEqual(DEFAULT_COMPUTER_COLUMNS);
  });

  it('remembers the choice in localStorage, in display order', () => {
    const preferences = new ColumnPreferences();
    preferences.toggle('serial', false);
    preferences.toggle('agentVersion', true);
    preferences.toggle('uuid', true);
    const expected = ['name', 'entity', 'uuid', 'manufacturer', 'model', 'os', 'ip', 'lastInventoryAt', 'agentVersion'];
    expect(preferences.visible()).toEqual(expected);
    expect(JSON.parse(localStorage.getItem(StorageKeys.computerColumns)!)).toEqual(expected);

    // A new page (after a reload) shows the same columns.
    expect(new ColumnPreferences().visible()).toEqual(expected);

    preferences.reset();
    expect(new ColumnPreferences().visible()).toEqual(DEFAULT_COMPUTER_COLUMNS);
  });

  it('keeps at least one column and ignores unknown stored keys', () => {
    localStorage.setItem(StorageKeys.computerColumns, JSON.stringify(['name', 'password']));
    const preferences = new ColumnPreferences();
    expect(preferences.visible()).toEqual(['name']);
    preferences.toggle('name', false);
    expect(preferences.visible()).toEqual(['name']);

    localStorage.setItem(StorageKeys.computerColumns, '"broken');
    expect(new ColumnPreferences().visible()).toEqual(DEFAULT_COMPUTER_COLUMNS);
  });

  it('maps the visible columns to the CSV columns', () => {
    expect(csvColumns(['name', 'os', 'lastContactAt'])).toEqual(['name', 'os', 'osVersion', 'lastContactAt']);
  });
});
