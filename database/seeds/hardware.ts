import type { LinuxRelease, Platform } from './catalogue';

/** Reference data of the fleet: operating systems, machine profiles, processors, people's names. */

export interface OsVariant {
  name: string;
  version: string;
  kernel: string;
  weight: number;
}

export interface OsRelease {
  platform: Platform;
  release?: LinuxRelease;
  arch: string;
  variants: readonly OsVariant[];
}

const variant = (name: string, version: string, kernel: string, weight: number): OsVariant => ({ name, version, kernel, weight });

/** As the agents report them (FULL_NAME, VERSION, KERNEL_VERSION, ARCH). */
export const OS = {
  windows11: {
    platform: 'windows',
    arch: '64-bit',
    variants: [
      variant('Microsoft Windows 11 Pro', '23H2', '10.0.22631', 0.6),
      variant('Microsoft Windows 11 Pro', '22H2', '10.0.22621', 0.2),
      variant('Microsoft Windows 11 Pro', '24H2', '10.0.26100', 0.1),
      variant('Microsoft Windows 11 Enterprise', '23H2', '10.0.22631', 0.1),
    ],
  },
  windows10: {
    platform: 'windows',
    arch: '64-bit',
    variants: [variant('Microsoft Windows 10 Pro', '22H2', '10.0.19045', 0.85), variant('Microsoft Windows 10 Enterprise', '22H2', '10.0.19045', 0.15)],
  },
  windowsServer2022: {
    platform: 'windows',
    arch: '64-bit',
    variants: [variant('Microsoft Windows Server 2022 Standard', '21H2', '10.0.20348', 0.8), variant('Microsoft Windows Server 2022 Datacenter', '21H2', '10.0.20348', 0.2)],
  },
  ubuntu2204: {
    platform: 'linux',
    release: 'ubuntu-22.04',
    arch: 'x86_64',
    variants: [
      variant('Ubuntu 22.04.5 LTS', '22.04.5 LTS (Jammy Jellyfish)', '5.15.0-125-generic', 0.6),
      variant('Ubuntu 22.04.4 LTS', '22.04.4 LTS (Jammy Jellyfish)', '5.15.0-119-generic', 0.4),
    ],
  },
  ubuntu2404: {
    platform: 'linux',
    release: 'ubuntu-24.04',
    arch: 'x86_64',
    variants: [
      variant('Ubuntu 24.04.1 LTS', '24.04.1 LTS (Noble Numbat)', '6.8.0-48-generic', 0.7),
      variant('Ubuntu 24.04 LTS', '24.04 LTS (Noble Numbat)', '6.8.0-35-generic', 0.3),
    ],
  },
  debian12: {
    platform: 'linux',
    release: 'debian-12',
    arch: 'x86_64',
    variants: [
      variant('Debian GNU/Linux 12 (bookworm)', '12.7', '6.1.0-25-amd64', 0.6),
      variant('Debian GNU/Linux 12 (bookworm)', '12.8', '6.1.0-27-amd64', 0.4),
    ],
  },
  macos14: {
    platform: 'macos',
    arch: 'arm64',
    variants: [variant('macOS', '14.7.1', '23.6.0', 0.55), variant('macOS', '14.6.1', '23.6.0', 0.3), variant('macOS', '14.5', '23.5.0', 0.15)],
  },
} as const satisfies Record<string, OsRelease>;

export type OsKey = keyof typeof OS;

export interface CpuModel {
  manufacturer: string;
  model: string;
  speedMhz: number;
  cores: number;
  threads: number;
  arch: string;
}

const cpu = (manufacturer: string, model: string, speedMhz: number, cores: number, threads: number, arch = 'x86_64'): CpuModel => ({
  manufacturer,
  model,
  speedMhz,
  cores,
  threads,
  arch,
});
const INTEL = 'Intel Corporation';
const AMD = 'AMD';

const LAPTOP_CPUS = [
  cpu(INTEL, '13th Gen Intel(R) Core(TM) i5-1345U', 1600, 10, 12),
  cpu(INTEL, '13th Gen Intel(R) Core(TM) i7-1365U', 1800, 10, 12),
  cpu(INTEL, '12th Gen Intel(R) Core(TM) i5-1245U', 1600, 10, 12),
  cpu(INTEL, '11th Gen Intel(R) Core(TM) i7-1185G7 @ 3.00GHz', 3000, 4, 8),
  cpu(AMD, 'AMD Ryzen 7 PRO 7840U w/ Radeon 780M Graphics', 3300, 8, 16),
];
const DESKTOP_CPUS = [
  cpu(INTEL, '13th Gen Intel(R) Core(TM) i5-13500', 2500, 14, 20),
  cpu(INTEL, '13th Gen Intel(R) Core(TM) i7-13700', 2100, 16, 24),
  cpu(INTEL, '12th Gen Intel(R) Core(TM) i5-12500', 3000, 6, 12),
];
const SERVER_CPUS = [
  cpu(INTEL, 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', 2000, 32, 64),
  cpu(INTEL, 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', 2400, 16, 32),
  cpu(AMD, 'AMD EPYC 7313 16-Core Processor', 3000, 16, 32),
];
/** A virtual machine sees its host's processor, one socket per few vCPUs. */
const VIRTUAL_CPUS = [
  cpu(INTEL, 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', 2000, 2, 2),
  cpu(INTEL, 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', 2000, 4, 4),
  cpu(AMD, 'AMD EPYC 7313 16-Core Processor', 3000, 2, 2),
];
const APPLE_CPUS = [cpu('Apple', 'Apple M3', 4050, 8, 8, 'arm64'), cpu('Apple', 'Apple M2 Pro', 3490, 10, 10, 'arm64'), cpu('Apple', 'Apple M1', 3200, 8, 8, 'arm64')];

export interface NicModel {
  type: 'ethernet' | 'wifi';
  /** Name as each platform reports it. */
  names: Partial<Record<Platform, string>>;
  ouis: readonly string[];
}

const INTEL_OUIS = ['3c:58:c2', '84:7b:57', 'a0:36:9f'];
const ETHERNET_I219: NicModel = { type: 'ethernet', names: { windows: 'Intel(R) Ethernet Connection (13) I219-LM', linux: 'enp0s31f6' }, ouis: INTEL_OUIS };
const WIFI_AX211: NicModel = { type: 'wifi', names: { windows: 'Intel(R) Wi-Fi 6E AX211 160MHz', linux: 'wlp0s20f3' }, ouis: INTEL_OUIS };
const REALTEK: NicModel = { type: 'ethernet', names: { windows: 'Realtek PCIe GbE Family Controller', linux: 'enp2s0' }, ouis: ['00:e0:4c'] };
const BROADCOM: NicModel = { type: 'ethernet', names: { windows: 'Broadcom NetXtreme Gigabit Ethernet', linux: 'eno1' }, ouis: ['00:10:18', 'b0:26:28'] };
const VMXNET3: NicModel = { type: 'ethernet', names: { windows: 'vmxnet3 Ethernet Adapter', linux: 'ens192' }, ouis: ['00:50:56'] };
const HYPERV_NIC: NicModel = { type: 'ethernet', names: { windows: 'Microsoft Hyper-V Network Adapter', linux: 'eth0' }, ouis: ['00:15:5d'] };
const APPLE_WIFI: NicModel = { type: 'wifi', names: { macos: 'en0' }, ouis: ['a4:83:e7', 'f0:18:98'] };
const APPLE_DOCK: NicModel = { type: 'ethernet', names: { macos: 'en7' }, ouis: ['00:e0:4c'] };

export type SerialFormat = 'dell' | 'hp' | 'lenovo' | 'apple' | 'hpe' | 'vmware' | 'hyperv';
export type MachineKind = 'laptop' | 'desktop' | 'server' | 'vm' | 'mac';

export interface Bios {
  manufacturer: string;
  /** [version, date as MM/DD/YYYY or ''] */
  releases: readonly (readonly [string, string])[];
}

export interface HardwareProfile {
  kind: MachineKind;
  weight: number;
  /** Name prefix: PC-PAR-000123, LT-…, SRV-…, VM-…, MAC-… */
  prefix: string;
  /** Chassis type, or the hypervisor for virtual machines. */
  type: string;
  manufacturer: string;
  models: readonly string[];
  bios: Bios;
  serial: SerialFormat;
  cpus: readonly CpuModel[];
  /** 2 sockets for two-socket servers; virtual machines get 1 or 2. */
  sockets: readonly [number, number][];
  memoryGb: readonly [number, number][];
  diskGb: readonly [number, number][];
  os: readonly [OsKey, number][];
  nics: readonly NicModel[];
  /** Chance of the second interface. */
  secondNic: number;
}

const WORKSTATION_OS: [OsKey, number][] = [
  ['windows11', 0.55],
  ['windows10', 0.4],
  ['ubuntu2404', 0.03],
  ['ubuntu2204', 0.02],
];
const SERVER_OS: [OsKey, number][] = [
  ['ubuntu2204', 0.27],
  ['ubuntu2404', 0.2],
  ['debian12', 0.28],
  ['windowsServer2022', 0.2],
  ['windows10', 0.05],
];
const DELL_BIOS: Bios = { manufacturer: 'Dell Inc.', releases: [['1.14.1', '03/12/2024'], ['1.17.0', '06/18/2024'], ['1.20.2', '09/10/2024']] };
const LAPTOP_MEMORY: [number, number][] = [
  [8, 0.2],
  [16, 0.55],
  [32, 0.25],
];
const LAPTOP_DISKS: [number, number][] = [
  [256, 0.3],
  [512, 0.55],
  [1024, 0.15],
];

/** Weights sum to 1: about two thirds laptops and desktops, a fifth virtual machines, a few servers and Macs. */
export const HARDWARE: readonly HardwareProfile[] = [
  {
    kind: 'laptop', weight: 0.16, prefix: 'LT', type: 'Laptop', manufacturer: 'Dell Inc.', models: ['Latitude 5440', 'Latitude 7440', 'Latitude 5540'],
    bios: DELL_BIOS, serial: 'dell', cpus: LAPTOP_CPUS, sockets: [[1, 1]], memoryGb: LAPTOP_MEMORY, diskGb: LAPTOP_DISKS, os: WORKSTATION_OS,
    nics: [ETHERNET_I219, WIFI_AX211], secondNic: 0.7,
  },
  {
    kind: 'laptop', weight: 0.14, prefix: 'LT', type: 'Notebook', manufacturer: 'HP', models: ['HP EliteBook 840 G10 Notebook PC', 'HP EliteBook 840 G9 Notebook PC', 'HP EliteBook 860 G10 Notebook PC'],
    bios: { manufacturer: 'HP', releases: [['V70 Ver. 01.05.01', '02/15/2024'], ['V70 Ver. 01.06.00', '07/02/2024']] }, serial: 'hp', cpus: LAPTOP_CPUS, sockets: [[1, 1]],
    memoryGb: LAPTOP_MEMORY, diskGb: LAPTOP_DISKS, os: WORKSTATION_OS, nics: [ETHERNET_I219, WIFI_AX211], secondNic: 0.7,
  },
  {
    kind: 'laptop', weight: 0.14, prefix: 'LT', type: 'Notebook', manufacturer: 'LENOVO', models: ['ThinkPad T14 Gen 4', 'ThinkPad X1 Carbon Gen 11', 'ThinkPad L14 Gen 3'],
    bios: { manufacturer: 'LENOVO', releases: [['R2FET51W (1.31 )', '01/22/2024'], ['R2FET55W (1.35 )', '08/05/2024']] }, serial: 'lenovo', cpus: LAPTOP_CPUS, sockets: [[1, 1]],
    memoryGb: LAPTOP_MEMORY, diskGb: LAPTOP_DISKS, os: WORKSTATION_OS, nics: [ETHERNET_I219, WIFI_AX211], secondNic: 0.7,
  },
  {
    kind: 'desktop', weight: 0.1, prefix: 'PC', type: 'Desktop', manufacturer: 'Dell Inc.', models: ['OptiPlex 7010', 'OptiPlex 5000', 'OptiPlex 7020 Micro'],
    bios: DELL_BIOS, serial: 'dell', cpus: DESKTOP_CPUS, sockets: [[1, 1]], memoryGb: [[8, 0.3], [16, 0.5], [32, 0.2]], diskGb: [[256, 0.4], [512, 0.5], [1024, 0.1]],
    os: WORKSTATION_OS, nics: [ETHERNET_I219, REALTEK], secondNic: 0.05,
  },
  {
    kind: 'desktop', weight: 0.06, prefix: 'PC', type: 'Mini PC', manufacturer: 'HP', models: ['HP EliteDesk 800 G9 Desktop Mini PC', 'HP ProDesk 400 G9 SFF'],
    bios: { manufacturer: 'HP', releases: [['U21 Ver. 02.14.00', '04/11/2024']] }, serial: 'hp', cpus: DESKTOP_CPUS, sockets: [[1, 1]], memoryGb: [[8, 0.3], [16, 0.6], [32, 0.1]],
    diskGb: [[256, 0.5], [512, 0.5]], os: WORKSTATION_OS, nics: [ETHERNET_I219, REALTEK], secondNic: 0.05,
  },
  {
    kind: 'desktop', weight: 0.04, prefix: 'PC', type: 'Tower', manufacturer: 'LENOVO', models: ['ThinkCentre M70q Gen 4', 'ThinkCentre M90t Gen 4'],
    bios: { manufacturer: 'LENOVO', releases: [['M4DKT36A', '05/30/2024']] }, serial: 'lenovo', cpus: DESKTOP_CPUS, sockets: [[1, 1]], memoryGb: [[16, 0.7], [32, 0.3]],
    diskGb: [[512, 0.7], [1024, 0.3]], os: WORKSTATION_OS, nics: [ETHERNET_I219, REALTEK], secondNic: 0.05,
  },
  {
    kind: 'mac', weight: 0.08, prefix: 'MAC', type: 'Laptop', manufacturer: 'Apple Inc.', models: ['MacBook Pro (14-inch, M3, 2023)', 'MacBook Air (13-inch, M2, 2022)', 'MacBook Pro (16-inch, 2023)'],
    bios: { manufacturer: 'Apple Inc.', releases: [['10151.140.19', ''], ['11881.41.5', '']] }, serial: 'apple', cpus: APPLE_CPUS, sockets: [[1, 1]],
    memoryGb: [[8, 0.2], [16, 0.4], [18, 0.2], [36, 0.2]], diskGb: [[256, 0.2], [512, 0.6], [1024, 0.2]], os: [['macos14', 1]], nics: [APPLE_WIFI, APPLE_DOCK], secondNic: 0.3,
  },
  {
    kind: 'vm', weight: 0.15, prefix: 'VM', type: 'VMware', manufacturer: 'VMware, Inc.', models: ['VMware Virtual Platform', 'VMware7,1'],
    bios: { manufacturer: 'VMware, Inc.', releases: [['VMW71.00V.21805430.B64.2305221826', '05/22/2023'], ['VMW71.00V.24224532.B64.2408191502', '08/19/2024']] }, serial: 'vmware',
    cpus: VIRTUAL_CPUS, sockets: [[1, 0.6], [2, 0.4]], memoryGb: [[2, 0.1], [4, 0.3], [8, 0.35], [16, 0.2], [32, 0.05]], diskGb: [[40, 0.3], [80, 0.4], [200, 0.3]],
    os: SERVER_OS, nics: [VMXNET3, VMXNET3], secondNic: 0.2,
  },
  {
    kind: 'vm', weight: 0.05, prefix: 'VM', type: 'Hyper-V', manufacturer: 'Microsoft Corporation', models: ['Virtual Machine'],
    bios: { manufacturer: 'Microsoft Corporation', releases: [['Hyper-V UEFI Release v4.1', '04/06/2022']] }, serial: 'hyperv', cpus: VIRTUAL_CPUS, sockets: [[1, 0.7], [2, 0.3]],
    memoryGb: [[4, 0.4], [8, 0.4], [16, 0.2]], diskGb: [[60, 0.5], [127, 0.5]], os: SERVER_OS, nics: [HYPERV_NIC, HYPERV_NIC], secondNic: 0.1,
  },
  {
    kind: 'server', weight: 0.05, prefix: 'SRV', type: 'Rack Mount Chassis', manufacturer: 'Dell Inc.', models: ['PowerEdge R650', 'PowerEdge R750'],
    bios: { manufacturer: 'Dell Inc.', releases: [['1.13.2', '02/28/2024'], ['1.14.1', '07/15/2024']] }, serial: 'dell', cpus: SERVER_CPUS, sockets: [[1, 0.2], [2, 0.8]],
    memoryGb: [[64, 0.2], [128, 0.4], [256, 0.3], [512, 0.1]], diskGb: [[480, 0.6], [960, 0.4]], os: SERVER_OS, nics: [BROADCOM, BROADCOM], secondNic: 0.8,
  },
  {
    kind: 'server', weight: 0.03, prefix: 'SRV', type: 'Rack Mount Chassis', manufacturer: 'HPE', models: ['ProLiant DL360 Gen10', 'ProLiant DL380 Gen10 Plus'],
    bios: { manufacturer: 'HPE', releases: [['U46 v2.90', '01/26/2024'], ['U46 v3.10', '06/20/2024']] }, serial: 'hpe', cpus: SERVER_CPUS, sockets: [[2, 1]],
    memoryGb: [[128, 0.5], [256, 0.5]], diskGb: [[480, 0.5], [960, 0.5]], os: SERVER_OS, nics: [BROADCOM, BROADCOM], secondNic: 0.8,
  },
];

export interface AgentFlavour {
  /** User-Agent of the agent's HTTP requests; the version is what follows `_v`, as the server reads it. */
  userAgent: string;
  weight: number;
}

export const AGENT_KINDS = [
  ['fusioninventory', 0.5],
  ['glpi-agent', 0.2],
  ['ocs', 0.3],
] as const;

export type SeededAgentKind = (typeof AGENT_KINDS)[number][0];

const flavour = (userAgent: string, weight: number): AgentFlavour => ({ userAgent, weight });

/** Agent releases in use, by kind and platform. */
export const AGENT_FLAVOURS: Record<SeededAgentKind, Record<Platform, readonly AgentFlavour[]>> = {
  fusioninventory: {
    windows: [flavour('FusionInventory-Agent_v2.6', 0.7), flavour('FusionInventory-Agent_v2.5.2', 0.3)],
    linux: [flavour('FusionInventory-Agent_v2.6-3', 0.6), flavour('FusionInventory-Agent_v2.6-2', 0.4)],
    macos: [flavour('FusionInventory-Agent_v2.6', 1)],
  },
  'glpi-agent': {
    windows: [flavour('GLPI-Agent_v1.12', 0.5), flavour('GLPI-Agent_v1.11', 0.3), flavour('GLPI-Agent_v1.10', 0.1), flavour('GLPI-Agent_v1.7.3', 0.1)],
    linux: [flavour('GLPI-Agent_v1.12', 0.5), flavour('GLPI-Agent_v1.11', 0.4), flavour('GLPI-Agent_v1.7.3', 0.1)],
    macos: [flavour('GLPI-Agent_v1.12', 0.7), flavour('GLPI-Agent_v1.11', 0.3)],
  },
  ocs: {
    windows: [flavour('OCS-NG_WINDOWS_AGENT_v2.10.1.0', 0.7), flavour('OCS-NG_WINDOWS_AGENT_v2.9.2.0', 0.3)],
    linux: [flavour('OCS-NG_unified_unix_agent_v2.10.0', 0.7), flavour('OCS-NG_unified_unix_agent_v2.9.2', 0.3)],
    macos: [flavour('OCS-NG_unified_unix_agent_v2.10.0', 1)],
  },
};

/** FusionInventory and GLPI agents listen for the server's wake-up calls; the OCS agent does not. */
export const AGENT_HTTP_PORT = 62354;

/** A few first and last names per locale, for the logins of computer users. */
export const PEOPLE: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  fr: { first: ['Camille', 'Léa', 'Hugo', 'Lucas', 'Manon', 'Chloé', 'Louis', 'Inès', 'Jules', 'Sarah'], last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'] },
  de: { first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Paul', 'Sophie', 'Max', 'Laura'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'] },
  en: { first: ['Oliver', 'Emma', 'James', 'Olivia', 'Jack', 'Amelia', 'Harry', 'Isla', 'George', 'Ava'], last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Miller', 'Clark'] },
  es: { first: ['Lucía', 'Hugo', 'Martina', 'Mateo', 'Sofía', 'Pablo', 'Julia', 'Daniel', 'Paula', 'Álvaro'], last: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz'] },
  it: { first: ['Leonardo', 'Sofia', 'Francesco', 'Aurora', 'Alessandro', 'Giulia', 'Lorenzo', 'Ginevra', 'Mattia', 'Alice'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'] },
  nl: { first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Levi', 'Tess', 'Finn', 'Sara'], last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer'] },
  pl: { first: ['Antoni', 'Zuzanna', 'Jan', 'Julia', 'Aleksander', 'Zofia', 'Franciszek', 'Hanna', 'Jakub', 'Maja'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak'] },
  pt: { first: ['Miguel', 'Helena', 'Arthur', 'Alice', 'Gael', 'Laura', 'Heitor', 'Manuela', 'Theo', 'Valentina'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes'] },
  ja: { first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Yuto', 'Aoi', 'Riku', 'Sakura', 'Ren', 'Mei'], last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'] },
  zh: { first: ['Wei', 'Fang', 'Jie', 'Li', 'Yang', 'Min', 'Hao', 'Jing', 'Lei', 'Xin'], last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'] },
  in: { first: ['Aarav', 'Ananya', 'Vivaan', 'Diya', 'Aditya', 'Saanvi', 'Arjun', 'Isha', 'Rohan', 'Priya'], last: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Joshi'] },
  ar: { first: ['Omar', 'Layla', 'Youssef', 'Nour', 'Karim', 'Salma', 'Ali', 'Mariam', 'Hassan', 'Yasmin'], last: ['Haddad', 'Khalil', 'Mansour', 'Saleh', 'Nasser', 'Aziz', 'Hamdan', 'Farouk', 'Rahman', 'Said'] },
};

/** Accounts seen on servers and virtual machines. */
export const SERVICE_ACCOUNTS = ['administrator', 'svc-backup', 'svc-monitoring', 'ansible', 'deploy'];
