import { ALL_STANDARD_BITS, Bits, CoreRight, GroupBits } from '@parc/contracts';
import { COMPUTER_MASS_ACTIONS } from './modules/computers/computers.mass-actions';
import { COMPUTER_SEARCH_FIELDS } from './modules/computers/search/computer-fields';
import { GroupsRefreshJob } from './modules/groups/groups-refresh.job';
import { GROUP_MASS_ACTIONS } from './modules/groups/groups.mass-actions';
import { HousekeepingJob } from './modules/jobs/housekeeping.job';
import { USER_MASS_ACTIONS } from './modules/users/users.mass-actions';
import type { AppConfig } from './common/config/config';
import type { CoreContributions } from './plugin-host/contributions';

/** What the core contributes to the registries plugins also fill. */
export const coreContributions = (config: AppConfig): CoreContributions => ({
  rights: [
    { name: CoreRight.ENTITY, label: { en: 'Entities', fr: 'Entités' }, bits: ALL_STANDARD_BITS },
    { name: CoreRight.USER, label: { en: 'Users and authorizations', fr: 'Utilisateurs et habilitations' }, bits: ALL_STANDARD_BITS },
    { name: CoreRight.PROFILE, label: { en: 'Profiles', fr: 'Profils' }, bits: ALL_STANDARD_BITS },
    { name: CoreRight.AUDIT, label: { en: 'Audit trail', fr: "Journal d'audit" }, bits: Bits.READ },
    { name: CoreRight.PLUGIN, label: { en: 'Plugins', fr: 'Plugins' }, bits: Bits.READ },
    { name: CoreRight.SYSTEM, label: { en: 'System and background jobs', fr: 'Système et tâches de fond' }, bits: Bits.READ },
    { name: CoreRight.COMPUTER, label: { en: 'Computers and agents', fr: 'Ordinateurs et agents' }, bits: ALL_STANDARD_BITS },
    { name: CoreRight.INVENTORY, label: { en: 'Inventory configuration', fr: "Configuration de l'inventaire" }, bits: Bits.READ | Bits.CREATE | Bits.UPDATE | Bits.DELETE },
    { name: CoreRight.GROUP, label: { en: 'Computer groups (256: every group, not only own and shared)', fr: "Groupes d'ordinateurs (256 : tous les groupes, pas seulement les siens et partagés)" }, bits: ALL_STANDARD_BITS | GroupBits.ALL_GROUPS },
    { name: CoreRight.SAVED_SEARCH, label: { en: 'Shared saved searches', fr: 'Recherches sauvegardées partagées' }, bits: Bits.READ | Bits.CREATE | Bits.UPDATE | Bits.DELETE },
  ],
  menu: [
    { path: '/computers', label: { en: 'Computers', fr: 'Ordinateurs' }, icon: 'computer', right: CoreRight.COMPUTER, order: 5 },
    { path: '/groups', label: { en: 'Groups', fr: 'Groupes' }, icon: 'workspaces', right: CoreRight.GROUP, order: 7 },
    { path: '/agents', label: { en: 'Agents', fr: 'Agents' }, icon: 'router', right: CoreRight.COMPUTER, order: 6 },
    { path: '/entities', label: { en: 'Entities', fr: 'Entités' }, icon: 'account_tree', right: CoreRight.ENTITY, order: 10 },
    { path: '/users', label: { en: 'Users', fr: 'Utilisateurs' }, icon: 'group', right: CoreRight.USER, order: 20 },
    { path: '/profiles', label: { en: 'Profiles', fr: 'Profils' }, icon: 'admin_panel_settings', right: CoreRight.PROFILE, order: 30 },
    { path: '/inventory', label: { en: 'Inventory settings', fr: "Paramètres d'inventaire" }, icon: 'tune', right: CoreRight.INVENTORY, order: 70 },
    { path: '/audit', label: { en: 'Audit trail', fr: "Journal d'audit" }, icon: 'history', right: CoreRight.AUDIT, order: 80 },
    { path: '/plugins', label: { en: 'Plugins', fr: 'Plugins' }, icon: 'extension', right: CoreRight.PLUGIN, order: 90 },
    { path: '/system', label: { en: 'System', fr: 'Système' }, icon: 'monitor_heart', right: CoreRight.SYSTEM, order: 95 },
  ],
  massActions: [...USER_MASS_ACTIONS, ...COMPUTER_MASS_ACTIONS, ...GROUP_MASS_ACTIONS],
  searchFields: COMPUTER_SEARCH_FIELDS,
  periodicJobs: [
    { name: 'core.housekeeping', everySeconds: config.housekeepingIntervalSeconds, handler: HousekeepingJob },
    { name: 'core.groups-refresh', everySeconds: config.groupRefreshIntervalSeconds, handler: GroupsRefreshJob },
  ],
});
