import { createHash } from 'node:crypto';
import { Random, Stream } from './random';

/**
 * The software catalogue: well-known software first (most common first: the order is the popularity rank),
 * then generated names until the requested size. Linux package versions belong to a distribution release, as
 * dpkg reports them; other software has versions for any release of its platforms.
 */

export type Platform = 'windows' | 'linux' | 'macos';
export type LinuxRelease = 'ubuntu-22.04' | 'ubuntu-24.04' | 'debian-12';
/** '' = any release. */
export type Channel = '' | LinuxRelease;

export interface CatalogueVersion {
  version: string;
  channel: Channel;
}

export interface CatalogueEntry {
  name: string;
  publisher: string;
  platforms: Platform[];
  /** Oldest first within a channel. */
  versions: CatalogueVersion[];
}

export const LINUX_RELEASES: readonly LinuxRelease[] = ['ubuntu-22.04', 'ubuntu-24.04', 'debian-12'];

/** The dictionary's identity of a software (see SoftwareDictionary): SHA-1 of the exact text. */
export function softwareKey(name: string, publisher: string): string {
  return createHash('sha1').update(`${name}\u0000${publisher}`).digest('hex');
}

export function versionKey(softwareId: number, version: string): string {
  return createHash('sha1').update(`${softwareId}\u0000${version}`).digest('hex');
}

type Curated = CatalogueEntry | { linux: string; publisher: string; upstream: string };

const any = (platforms: Platform[], name: string, publisher: string, ...versions: string[]): CatalogueEntry => ({
  name,
  publisher,
  platforms,
  versions: versions.map((version) => ({ version, channel: '' })),
});
const win = (name: string, publisher: string, ...versions: string[]) => any(['windows'], name, publisher, ...versions);
const mac = (name: string, publisher: string, ...versions: string[]) => any(['macos'], name, publisher, ...versions);
/** A Debian/Ubuntu package with its versions per release: [22.04, 24.04, Debian 12]. */
const deb = (name: string, publisher: string, perRelease: [string[], string[], string[]]): CatalogueEntry => ({
  name,
  publisher,
  platforms: ['linux'],
  versions: perRelease.flatMap((versions, i) => versions.map((version) => ({ version, channel: LINUX_RELEASES[i] }))),
});
/** A package whose release-specific versions are derived from its upstream version. */
const pkg = (linux: string, publisher: string, upstream: string): Curated => ({ linux, publisher, upstream });

const MS = 'Microsoft Corporation';
const GLIBC = 'GNU Libc Maintainers <debian-glibc@lists.debian.org>';
const UBUNTU = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';
const SYSTEMD = 'Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>';
const X11 = 'Debian X Strike Force <debian-x@lists.debian.org>';
const PY = 'Debian Python Team <team+python@tracker.debian.org>';
const OPENSSL = 'Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>';
const OPENSSL_VERSIONS: [string[], string[], string[]] = [['3.0.2-0ubuntu1.17', '3.0.2-0ubuntu1.18'], ['3.0.13-0ubuntu3.4'], ['3.0.14-1~deb12u2', '3.0.15-1~deb12u1']];

const CURATED: readonly Curated[] = [
  win('Microsoft Edge', MS, '129.0.2792.89', '130.0.2849.80', '131.0.2903.70'),
  win('Microsoft Edge WebView2 Runtime', MS, '130.0.2849.80', '131.0.2903.70'),
  win('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810', MS, '14.40.33810.0'),
  win('Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.40.33810', MS, '14.40.33810.0'),
  win('Microsoft Update Health Tools', MS, '3.74.0.0', '5.72.0.0'),
  any(['windows', 'macos'], 'Google Chrome', 'Google LLC', '129.0.6668.101', '130.0.6723.117', '131.0.6778.86'),
  win('Microsoft 365 Apps for enterprise - en-us', MS, '16.0.17830.20166', '16.0.17928.20156', '16.0.18025.20104'),
  win('Microsoft OneDrive', MS, '24.180.0905.0003', '24.201.1006.0005'),
  win('Microsoft Teams', MS, '24243.1309.3132.617', '24277.3507.3205.5228'),
  win('Office 16 Click-to-Run Extensibility Component', MS, '16.0.17928.20114'),
  win('Office 16 Click-to-Run Licensing Component', MS, '16.0.17928.20156'),
  win('Mozilla Firefox (x64 en-US)', 'Mozilla', '131.0.3', '132.0.2', '133.0'),
  win('Mozilla Maintenance Service', 'Mozilla', '131.0.3', '133.0'),
  win('7-Zip 23.01 (x64)', 'Igor Pavlov', '23.01'),
  win('Adobe Acrobat Reader (64-bit)', 'Adobe', '24.003.20180', '24.004.20220'),
  win('Microsoft Windows Desktop Runtime - 8.0.10 (x64)', MS, '8.0.10.34118'),
  win('Microsoft .NET Runtime - 8.0.10 (x64)', MS, '8.0.10.34113'),
  win('Microsoft Visual C++ 2013 Redistributable (x64) - 12.0.40664', MS, '12.0.40664.0'),
  win('Microsoft Visual C++ 2012 Redistributable (x86) - 11.0.61030', MS, '11.0.61030.0'),
  win('Microsoft Intune Management Extension', MS, '1.82.102.0', '1.83.107.0'),
  win('Microsoft Policy Platform', MS, '68.1.1010.0'),
  win('Windows PC Health Check', MS, '3.6.2204.08001', '3.7.2204.15001'),
  any(['windows', 'macos'], 'Zoom Workplace', 'Zoom Video Communications, Inc.', '6.1.11 (45560)', '6.2.5 (47431)'),
  win('Notepad++ (64-bit x64)', 'Notepad++ Team', '8.6.9', '8.7'),
  win('VLC media player', 'VideoLAN', '3.0.20', '3.0.21'),
  win('Cisco Secure Client - AnyConnect VPN', 'Cisco Systems, Inc.', '5.1.3.62', '5.1.4.74'),
  win('FortiClient VPN', 'Fortinet Technologies Inc', '7.2.4.0972'),
  win('7-Zip 24.08 (x64)', 'Igor Pavlov', '24.08'),
  win('Java 8 Update 431 (64-bit)', 'Oracle Corporation', '8.0.4310.10'),
  any(['windows', 'macos'], 'Slack', 'Slack Technologies Inc.', '4.40.128', '4.41.97'),
  win('GLPI Agent 1.12', "Teclib'", '1.12'),
  win('FusionInventory Agent 2.6 (x64 edition)', 'FusionInventory Team', '2.6'),
  win('OCS Inventory NG Agent 2.10.1.0', 'OCS Inventory NG Team', '2.10.1.0'),
  win('Python 3.12.7 (64-bit)', 'Python Software Foundation', '3.12.7150.0'),
  win('Git', 'The Git Development Community', '2.46.2', '2.47.0'),
  win('Microsoft Visual Studio Code (User)', MS, '1.94.2', '1.95.3'),
  win('PuTTY release 0.81 (64-bit)', 'Simon Tatham', '0.81.0.0'),
  win('WinSCP 6.3.5', 'Martin Prikryl', '6.3.5'),
  win('KeePass Password Safe 2.57.1', 'Dominik Reichl', '2.57.1'),
  win('TeamViewer', 'TeamViewer', '15.57.5', '15.58.5'),
  win('Greenshot 1.2.10.6', 'Greenshot', '1.2.10.6'),
  win('Microsoft Power BI Desktop (x64)', MS, '2.136.1202.0'),
  win('Microsoft SQL Server Management Studio - 20.2', MS, '20.2.30.0'),
  win('Docker Desktop', 'Docker Inc.', '4.34.3', '4.35.1'),
  win('Node.js', 'Node.js Foundation', '20.18.0', '22.11.0'),
  win('Wireshark 4.4.1 x64', 'The Wireshark developer community, https://www.wireshark.org', '4.4.1'),
  win('GIMP 2.10.38', 'The GIMP Team', '2.10.38'),
  win('LibreOffice 24.8.2.1', 'The Document Foundation', '24.8.2.1'),
  win('Citrix Workspace 2409', 'Citrix Systems, Inc.', '24.9.0.133'),

  deb('libc6', GLIBC, [['2.35-0ubuntu3.7', '2.35-0ubuntu3.8'], ['2.39-0ubuntu8.3'], ['2.36-9+deb12u7', '2.36-9+deb12u8']]),
  deb('bash', 'Matthias Klose <doko@debian.org>', [['5.1-6ubuntu1.1'], ['5.2.21-2ubuntu4'], ['5.2.15-2+b7']]),
  deb('coreutils', 'Michael Stone <mstone@debian.org>', [['8.32-4.1ubuntu1.2'], ['9.4-3ubuntu6'], ['9.1-1']]),
  deb('openssh-client', 'Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>', [['1:8.9p1-3ubuntu0.10'], ['1:9.6p1-3ubuntu13.5'], ['1:9.2p1-2+deb12u3']]),
  deb('openssl', OPENSSL, OPENSSL_VERSIONS),
  deb('libssl3', OPENSSL, OPENSSL_VERSIONS),
  deb('systemd', SYSTEMD, [['249.11-0ubuntu3.12'], ['255.4-1ubuntu8.4'], ['252.30-1~deb12u2']]),
  deb('apt', 'APT Development Team <deity@lists.debian.org>', [['2.4.13'], ['2.7.14build2'], ['2.6.1']]),
  deb('dpkg', 'Dpkg Developers <debian-dpkg@lists.debian.org>', [['1.21.1ubuntu2.3'], ['1.22.6ubuntu6.1'], ['1.21.22']]),
  deb('tzdata', GLIBC, [['2024a-0ubuntu0.22.04.1'], ['2024a-3ubuntu1.1'], ['2024a-0+deb12u1']]),
  deb('ca-certificates', 'Julien Cristau <jcristau@debian.org>', [['20240203~22.04.1'], ['20240203'], ['20230311']]),
  deb('curl', 'Debian Curl Maintainers <team+curl@tracker.debian.org>', [['7.81.0-1ubuntu1.18'], ['8.5.0-2ubuntu10.4'], ['7.88.1-10+deb12u7']]),
  deb('python3', 'Matthias Klose <doko@debian.org>', [['3.10.6-1~22.04.1'], ['3.12.3-0ubuntu2'], ['3.11.2-1+b1']]),
  deb('sudo', 'Sudo Maintainers <sudo@packages.debian.org>', [['1.9.9-1ubuntu2.4'], ['1.9.15p5-3ubuntu5'], ['1.9.13p3-1+deb12u1']]),
  deb('vim', 'Debian Vim Maintainers <team+vim@tracker.debian.org>', [['2:8.2.3995-1ubuntu2.19'], ['2:9.1.0016-1ubuntu7.3'], ['2:9.0.1378-2']]),
  deb('git', 'Jonathan Nieder <jrnieder@gmail.com>', [['1:2.34.1-1ubuntu1.11'], ['1:2.43.0-1ubuntu7.1'], ['1:2.39.5-0+deb12u1']]),
  deb('perl', 'Niko Tyni <ntyni@debian.org>', [['5.34.0-3ubuntu1.3'], ['5.38.2-3.2build2'], ['5.36.0-7+deb12u1']]),
  deb('linux-firmware', UBUNTU, [['20220329.git681281e4-0ubuntu3.36'], ['20240318.git3b128b60-0ubuntu2.3'], []]),
  deb('snapd', UBUNTU, [['2.63+22.04ubuntu0.1'], ['2.65.3+24.04'], []]),
  deb('ubuntu-minimal', UBUNTU, [['1.481.3'], ['1.539.1'], []]),
  deb('base-files', 'Santiago Vila <sanvila@debian.org>', [['12ubuntu4.7'], ['13ubuntu10.1'], ['12.4+deb12u7']]),
  deb('fusioninventory-agent', 'Debian Perl Group <pkg-perl-maintainers@lists.alioth.debian.org>', [['1:2.6-2'], ['1:2.6-3'], ['1:2.6-3']]),
  deb('glpi-agent', "Teclib' <glpi-agent@teclib.com>", [['1:1.11-1', '1:1.12-1'], ['1:1.12-1'], ['1:1.11-1', '1:1.12-1']]),
  deb('ocsinventory-agent', 'Pierre Chifflier <pollux@debian.org>', [['2:2.8.1-1'], ['2:2.10.0-2'], ['2:2.10.0-1']]),
  pkg('grep', 'Anibal Monsalve Salazar <anibal@debian.org>', '3.8'),
  pkg('sed', 'Clint Adams <clint@debian.org>', '4.9'),
  pkg('tar', 'Janos Lenart <ocsi@debian.org>', '1.34'),
  pkg('gzip', 'Milan Kupcevic <milan@debian.org>', '1.12'),
  pkg('util-linux', 'util-linux packagers <util-linux@packages.debian.org>', '2.38.1'),
  pkg('procps', 'Craig Small <csmall@debian.org>', '4.0.2'),
  pkg('iproute2', 'Debian iproute2 Maintainers <ah-iproute2@debian.org>', '6.1.0'),
  pkg('less', 'Milan Kupcevic <milan@debian.org>', '590'),
  pkg('nano', 'Jordi Mallach <jordi@debian.org>', '7.2'),
  pkg('cron', 'Georges Khaznadar <georgesk@debian.org>', '3.0pl1'),
  pkg('logrotate', 'Christian Göttsche <cgzones@googlemail.com>', '3.21.0'),
  pkg('rsyslog', 'Michael Biebl <biebl@debian.org>', '8.2302.0'),
  pkg('passwd', 'Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>', '4.13'),
  pkg('login', 'Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>', '4.13'),
  pkg('mount', 'util-linux packagers <util-linux@packages.debian.org>', '2.38.1'),
  pkg('findutils', 'Andreas Metzler <ametzler@debian.org>', '4.9.0'),
  pkg('zlib1g', 'Mark Brown <broonie@debian.org>', '1.2.13'),
  pkg('libsystemd0', SYSTEMD, '252.30'),
  pkg('libudev1', SYSTEMD, '252.30'),
  pkg('libzstd1', 'RPM packaging team <team+pkg-rpm@tracker.debian.org>', '1.5.4'),
  pkg('liblzma5', 'Sebastian Andrzej Siewior <sebastian@breakpoint.cc>', '5.4.1'),
  pkg('libpcre2-8-0', 'Matthew Vernon <matthew@debian.org>', '10.42'),
  pkg('libselinux1', 'Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>', '3.4'),
  pkg('libgcrypt20', 'Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>', '1.10.1'),
  pkg('libgnutls30', 'Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>', '3.7.9'),
  pkg('libstdc++6', 'Debian GCC Maintainers <debian-gcc@lists.debian.org>', '12.2.0'),
  pkg('libgcc-s1', 'Debian GCC Maintainers <debian-gcc@lists.debian.org>', '12.2.0'),
  pkg('e2fsprogs', "Theodore Y. Ts'o <tytso@mit.edu>", '1.47.0'),
  pkg('gnupg', 'Debian GnuPG Maintainers <pkg-gnupg-maint@lists.alioth.debian.org>', '2.2.40'),
  pkg('lsb-release', 'Debian Python Team <team+python@tracker.debian.org>', '12.0'),
  pkg('debconf', 'Debconf Developers <debconf-devel@lists.alioth.debian.org>', '1.5.82'),
  pkg('adduser', 'Debian Adduser Developers <adduser@packages.debian.org>', '3.134'),
  pkg('hostname', 'Michael Meskes <meskes@debian.org>', '3.23'),
  pkg('ncurses-base', 'Craig Small <csmall@debian.org>', '6.4'),
  pkg('libncursesw6', 'Craig Small <csmall@debian.org>', '6.4'),
  pkg('libsqlite3-0', 'Laszlo Boszormenyi (GCS) <gcs@debian.org>', '3.40.1'),
  pkg('libxml2', 'Debian XML/SGML Group <debian-xml-sgml-pkgs@lists.alioth.debian.org>', '2.9.14'),
  pkg('libexpat1', 'Laszlo Boszormenyi (GCS) <gcs@debian.org>', '2.5.0'),
  pkg('libffi8', 'Debian GCC Maintainers <debian-gcc@lists.debian.org>', '3.4.4'),
  pkg('libuuid1', 'util-linux packagers <util-linux@packages.debian.org>', '2.38.1'),
  pkg('libblkid1', 'util-linux packagers <util-linux@packages.debian.org>', '2.38.1'),
  pkg('libcap2', 'Christian Kastner <ckk@debian.org>', '2.66'),
  pkg('libbz2-1.0', 'Anibal Monsalve Salazar <anibal@debian.org>', '1.0.8'),
  pkg('kmod', 'Marco d\'Itri <md@linux.it>', '30'),
  pkg('dbus', 'Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>', '1.14.10'),
  pkg('libdbus-1-3', 'Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>', '1.14.10'),
  pkg('wget', 'Noël Köthe <noel@debian.org>', '1.21.3'),
  pkg('libcurl4', 'Debian Curl Maintainers <team+curl@tracker.debian.org>', '7.88.1'),
  pkg('unattended-upgrades', 'Michael Vogt <mvo@debian.org>', '2.9.1'),
  pkg('python3-apt', 'APT Development Team <deity@lists.debian.org>', '2.6.0'),
  pkg('python3-yaml', PY, '6.0'),
  pkg('python3-requests', PY, '2.28.1'),
  pkg('python3-urllib3', PY, '1.26.12'),
  pkg('openssh-server', 'Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>', '9.2p1'),
  pkg('htop', 'Daniel Lange <DLange@debian.org>', '3.2.2'),
  pkg('tmux', 'Romain Francoise <rfrancoise@debian.org>', '3.3a'),
  pkg('rsync', 'Samuel Henrique <samueloph@debian.org>', '3.2.7'),
  pkg('net-tools', 'net-tools Team <team+net-tools@tracker.debian.org>', '2.10'),
  pkg('libx11-6', X11, '1.8.4'),
  pkg('libxcb1', X11, '1.15'),
  pkg('xserver-xorg-core', X11, '21.1.7'),
  pkg('docker-ce', 'Docker <support@docker.com>', '27.3.1'),
  pkg('containerd.io', 'Containerd team <help@containerd.io>', '1.7.22'),
  pkg('nginx', 'Debian Nginx Maintainers <pkg-nginx-maintainers@alioth-lists.debian.net>', '1.22.1'),
  pkg('postgresql-15', 'Debian PostgreSQL Maintainers <team+postgresql@tracker.debian.org>', '15.8'),
  pkg('mariadb-server', 'Debian MySQL Maintainers <pkg-mysql-maint@lists.alioth.debian.org>', '10.11.6'),
  pkg('firefox-esr', 'Debian Mozilla Team <team+pkg-mozilla@tracker.debian.org>', '128.4.0esr'),
  pkg('google-chrome-stable', 'Chrome Linux Team <chromium-dev@chromium.org>', '131.0.6778.85'),
  pkg('code', 'Microsoft Corporation <vscode-linux@microsoft.com>', '1.95.3'),

  mac('Safari', 'Apple Inc.', '17.6', '18.0.1'),
  mac('Microsoft Word', MS, '16.89', '16.90'),
  mac('Microsoft Excel', MS, '16.89', '16.90'),
  mac('Microsoft PowerPoint', MS, '16.89', '16.90'),
  mac('Microsoft Outlook', MS, '16.89', '16.90'),
  mac('Microsoft Teams (work or school)', MS, '24277.3502.3161.3007'),
  mac('OneDrive', MS, '24.201.1006'),
  mac('Microsoft AutoUpdate', MS, '4.76'),
  mac('Keynote', 'Apple Inc.', '14.2'),
  mac('Numbers', 'Apple Inc.', '14.2'),
  mac('Pages', 'Apple Inc.', '14.2'),
  mac('Firefox', 'Mozilla', '132.0.2', '133.0'),
  mac('Visual Studio Code', MS, '1.95.3'),
  mac('1Password 8', 'AgileBits Inc.', '8.10.48', '8.10.50'),
  mac('The Unarchiver', 'MacPaw Inc.', '4.3.8'),
  mac('iTerm', 'George Nachman', '3.5.6'),
  mac('Docker', 'Docker Inc.', '4.35.1'),
  mac('Xcode', 'Apple Inc.', '15.4', '16.0'),
  mac('GarageBand', 'Apple Inc.', '10.4.11'),
  mac('iMovie', 'Apple Inc.', '10.4.2'),
  mac('Rectangle', 'Ryan Hanson', '0.84'),
  mac('VLC', 'VideoLAN', '3.0.21'),
  mac('GLPI Agent', "Teclib'", '1.12'),
];

const VENDORS = [
  'Contoso', 'Fabrikam', 'Northwind', 'Adventure Works', 'Tailspin', 'Wide World', 'Litware', 'Proseware', 'Woodgrove',
  'Fourth Coffee', 'Alpine', 'Coho', 'Lucerne', 'Trey Research', 'Humongous', 'Wingtip', 'Relecloud', 'Globex', 'Initech',
  'Umbrella', 'Hooli', 'Vandelay', 'Soylent', 'Cyberdyne', 'Tyrell', 'Aperture', 'Black Mesa', 'Massive Dynamic',
];
const COMPANY_SUFFIXES = [' Ltd.', ' Inc.', ' GmbH', ' SAS', ' Corporation', ' Software', ' AG', ' S.p.A.'];
const PRODUCTS = [
  'Inventory Client', 'Report Viewer', 'Backup Agent', 'Document Scanner', 'PDF Printer', 'Time Tracker', 'Label Designer',
  'Print Manager', 'Sync Tool', 'Remote Support', 'Barcode Studio', 'Payroll', 'CAD Viewer', 'Expense Manager', 'Data Connector',
  'Secure Mail', 'Password Vault', 'Screen Recorder', 'Photo Editor', 'Diagram Designer', 'Audio Converter', 'Video Player',
  'Archive Manager', 'Disk Cleaner', 'Font Manager', 'License Server', 'Telephony Client', 'Badge Printer', 'Driver Update',
  'Update Service', 'Device Manager', 'Endpoint Protection', 'VPN Client', 'Meeting Room', 'Signature Pad', 'Kiosk Browser',
  'Tax Assistant', 'Project Planner', 'Helpdesk Agent', 'Monitoring Agent', 'Map Viewer', 'Translation Memory', 'Lab Manager',
];
const EDITIONS = ['', ' Pro', ' Enterprise', ' 2023', ' 2024', ' (x64)', ' Runtime', ' Client', ' Lite', ' Plugin'];
const LINUX_PREFIXES: readonly [string, string][] = [
  ['lib', 'Debian Library Maintainers <debian-devel@lists.debian.org>'],
  ['python3-', PY],
  ['golang-', 'Debian Go Packaging Team <team+pkg-go@tracker.debian.org>'],
  ['node-', 'Debian Javascript Maintainers <pkg-javascript-devel@alioth-lists.debian.net>'],
  ['ruby-', 'Debian Ruby Team <pkg-ruby-extras-maintainers@lists.alioth.debian.org>'],
  ['fonts-', 'Debian Fonts Task Force <debian-fonts@lists.debian.org>'],
  ['gir1.2-', 'Debian GNOME Maintainers <pkg-gnome-maintainers@lists.alioth.debian.org>'],
  ['libghc-', 'Debian Haskell Group <pkg-haskell-maintainers@lists.alioth.debian.org>'],
  ['', UBUNTU],
];
const LINUX_SYLLABLES = [
  'gl', 'ib', 'xk', 'bc', 'om', 'mon', 'dr', 'pix', 'man', 'gst', 're', 'mer', 'jpeg', 'tur', 'bo', 'as', 'ua', 'ed', 'it', 'vor',
  'bis', 'sec', 'cap', 'net', 'fs', 'wav', 'pul', 'se', 'crypt', 'ldap', 'sasl', 'krb', 'tiff', 'web', 'png', 'ogg', 'rsvg', 'pan',
];
const LINUX_SUFFIXES = ['', '0', '1', '2', '6', '-common', '-data', '-bin', '-dev', '-doc', '-utils', '-tools'];
const MAC_WORDS = [
  'Pixel', 'Cloud', 'Note', 'Snap', 'Focus', 'Flow', 'Bright', 'Quick', 'Clip', 'Frame', 'Sketch', 'Mail', 'Shelf', 'Tide',
  'Beam', 'Craft', 'Spark', 'Loop', 'Paper', 'Stack', 'Board', 'Cast', 'Dock', 'Lens', 'Mint', 'Orbit', 'Plot', 'Script',
];

/** Shares of the generated part. */
const GENERATED_PLATFORMS: readonly [Platform, number][] = [
  ['windows', 0.5],
  ['linux', 0.35],
  ['macos', 0.15],
];

/** `size` distinct (name, publisher) entries, the same for the same seed. */
export function buildCatalogue(size: number, seed: number): CatalogueEntry[] {
  const random = new Random(seed, Stream.catalogue);
  const taken = new Set<string>();
  const entries: CatalogueEntry[] = [];
  const add = (entry: CatalogueEntry) => {
    taken.add(`${entry.name}\u0000${entry.publisher}`);
    entries.push(entry);
  };
  for (const curated of CURATED.slice(0, size)) add('linux' in curated ? linuxPackage(random, curated.linux, curated.publisher, curated.upstream) : curated);
  while (entries.length < size) add(generatedEntry(random, taken));
  return entries;
}

function generatedEntry(random: Random, taken: Set<string>): CatalogueEntry {
  const platform = random.weighted(GENERATED_PLATFORMS);
  for (let attempt = 0; ; attempt++) {
    const base = platform === 'windows' ? windowsName(random) : platform === 'linux' ? linuxName(random) : macName(random);
    // Past a few collisions the name space is crowded: number the name instead of trying forever.
    const name = attempt < 8 ? base.name : `${base.name}${platform === 'linux' ? '-' : ' '}${attempt}`;
    if (taken.has(`${name}\u0000${base.publisher}`)) continue;
    if (platform === 'linux') return linuxPackage(random, name, base.publisher, upstreamVersion(random));
    return { name, publisher: base.publisher, platforms: [platform], versions: releaseVersions(random).map((version) => ({ version, channel: '' })) };
  }
}

function windowsName(random: Random): { name: string; publisher: string } {
  const vendor = random.pick(VENDORS);
  return { name: `${vendor} ${random.pick(PRODUCTS)}${random.pick(EDITIONS)}`, publisher: `${vendor}${COMPANY_SUFFIXES[vendor.length % COMPANY_SUFFIXES.length]}` };
}

function linuxName(random: Random): { name: string; publisher: string } {
  const [prefix, publisher] = random.pick(LINUX_PREFIXES);
  const stem = random.pick(LINUX_SYLLABLES) + random.pick(LINUX_SYLLABLES) + (random.chance(0.3) ? random.pick(LINUX_SYLLABLES) : '');
  return { name: `${prefix}${stem}${random.pick(LINUX_SUFFIXES)}`, publisher };
}

function macName(random: Random): { name: string; publisher: string } {
  const first = random.pick(MAC_WORDS);
  const second = random.pick(MAC_WORDS);
  const vendor = random.pick(VENDORS);
  return { name: `${first}${second.toLowerCase()}`, publisher: `${vendor}${COMPANY_SUFFIXES[vendor.length % COMPANY_SUFFIXES.length]}` };
}

/** 1 to 4 increasing versions such as 4.2.0, 4.2.3, 4.3.0. */
export function releaseVersions(random: Random): string[] {
  const count = random.weighted<number>([
    [1, 0.25],
    [2, 0.35],
    [3, 0.25],
    [4, 0.15],
  ]);
  const fourParts = random.chance(0.3);
  let [major, minor, patch] = [random.int(1, 24), random.int(0, 12), random.int(0, 20)];
  const versions: string[] = [];
  for (let i = 0; i < count; i++) {
    versions.push(fourParts ? `${major}.${minor}.${patch}.${random.int(1, 9999)}` : `${major}.${minor}.${patch}`);
    if (random.chance(0.7)) patch += random.int(1, 4);
    else [minor, patch] = [minor + 1, 0];
  }
  return versions;
}

function upstreamVersion(random: Random): string {
  return random.chance(0.2) ? `${random.int(1, 20)}.${random.int(0, 40)}` : `${random.int(0, 9)}.${random.int(0, 30)}.${random.int(0, 15)}`;
}

/**
 * A package present in most releases, with 1 or 2 versions in each, written the way each distribution does
 * (2.4.1-1ubuntu0.2 on 22.04, 2.6.0-3build1 on 24.04, 2.4.1-2+deb12u1 on Debian 12).
 */
function linuxPackage(random: Random, name: string, publisher: string, upstream: string): CatalogueEntry {
  const newer = bumpMinor(upstream);
  const revision = random.int(1, 4);
  const build = random.int(1, 3);
  const spellings: Record<LinuxRelease, (update: number) => string> = {
    'ubuntu-22.04': (u) => `${upstream}-${revision}ubuntu0.${u}`,
    'ubuntu-24.04': (u) => (u === 1 ? `${newer}-${revision}build${build}` : `${newer}-${revision}ubuntu0.${u - 1}`),
    'debian-12': (u) => (u === 1 ? `${upstream}-${revision + 1}` : `${upstream}-${revision + 1}+deb12u${u - 1}`),
  };
  const versions: CatalogueVersion[] = [];
  for (const release of LINUX_RELEASES) {
    if (!random.chance(0.9)) continue;
    const first = random.int(1, 3);
    const updates = random.chance(0.5) ? [first] : [first, first + 1];
    for (const u of updates) versions.push({ version: spellings[release](u), channel: release });
  }
  if (!versions.length) versions.push({ version: spellings['debian-12'](1), channel: 'debian-12' });
  return { name, publisher, platforms: ['linux'], versions };
}

function bumpMinor(version: string): string {
  const parts = version.split('.');
  const i = parts.length > 1 ? 1 : 0;
  const n = Number.parseInt(parts[i], 10);
  if (!Number.isFinite(n)) return version;
  parts[i] = String(n + 1);
  return parts.slice(0, i + 1).concat(parts.slice(i + 1).map(() => '0')).join('.');
}
