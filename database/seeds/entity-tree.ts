/** The entity tree of the fleet: Root entity > region > site, with real city names as far as they go. */

export type Locale = 'fr' | 'de' | 'en' | 'es' | 'it' | 'nl' | 'pl' | 'pt' | 'ja' | 'zh' | 'in' | 'ar';

export interface City {
  name: string;
  /** Three letters, in computer names (PC-PAR-000123) and as the agents' TAG. */
  code: string;
  region: string;
  locale: Locale;
  /** Relative headcount: the head office holds more computers than a branch. */
  weight: number;
}

export interface SitePlan extends City {
  /** 1-based, the second byte of the site's subnet 10.<index>.0.0/16. */
  index: number;
}

export interface RegionPlan {
  name: string;
  sites: SitePlan[];
}

/** Subnets 10.1.0.0/16 … 10.254.0.0/16. */
export const MAX_SITES = 254;

/** In the order offices open: the first sites of any fleet are a plausible mix of regions. */
export const CITIES: readonly City[] = [
  { name: 'Paris', code: 'PAR', region: 'Europe', locale: 'fr', weight: 5 },
  { name: 'Lyon', code: 'LYS', region: 'Europe', locale: 'fr', weight: 2 },
  { name: 'Berlin', code: 'BER', region: 'Europe', locale: 'de', weight: 2.5 },
  { name: 'London', code: 'LON', region: 'Europe', locale: 'en', weight: 3 },
  { name: 'New York', code: 'NYC', region: 'Americas', locale: 'en', weight: 3 },
  { name: 'Madrid', code: 'MAD', region: 'Europe', locale: 'es', weight: 1.5 },
  { name: 'Milan', code: 'MIL', region: 'Europe', locale: 'it', weight: 1.5 },
  { name: 'Munich', code: 'MUC', region: 'Europe', locale: 'de', weight: 1.5 },
  { name: 'Toronto', code: 'YTO', region: 'Americas', locale: 'en', weight: 1.5 },
  { name: 'Singapore', code: 'SIN', region: 'Asia-Pacific', locale: 'en', weight: 2 },
  { name: 'Amsterdam', code: 'AMS', region: 'Europe', locale: 'nl', weight: 1.2 },
  { name: 'Brussels', code: 'BRU', region: 'Europe', locale: 'fr', weight: 1 },
  { name: 'Tokyo', code: 'TYO', region: 'Asia-Pacific', locale: 'ja', weight: 1.5 },
  { name: 'São Paulo', code: 'SAO', region: 'Americas', locale: 'pt', weight: 1.2 },
  { name: 'Marseille', code: 'MRS', region: 'Europe', locale: 'fr', weight: 1 },
  { name: 'Toulouse', code: 'TLS', region: 'Europe', locale: 'fr', weight: 1 },
  { name: 'Chicago', code: 'CHI', region: 'Americas', locale: 'en', weight: 1.2 },
  { name: 'Sydney', code: 'SYD', region: 'Asia-Pacific', locale: 'en', weight: 1 },
  { name: 'Dubai', code: 'DXB', region: 'Middle East & Africa', locale: 'ar', weight: 0.8 },
  { name: 'Warsaw', code: 'WAW', region: 'Europe', locale: 'pl', weight: 1 },
  { name: 'Bangalore', code: 'BLR', region: 'Asia-Pacific', locale: 'in', weight: 1.5 },
  { name: 'Shanghai', code: 'SHA', region: 'Asia-Pacific', locale: 'zh', weight: 1.2 },
  { name: 'Frankfurt', code: 'FRA', region: 'Europe', locale: 'de', weight: 1 },
  { name: 'Lille', code: 'LIL', region: 'Europe', locale: 'fr', weight: 0.8 },
  { name: 'Nantes', code: 'NTE', region: 'Europe', locale: 'fr', weight: 0.8 },
  { name: 'Bordeaux', code: 'BOD', region: 'Europe', locale: 'fr', weight: 0.8 },
  { name: 'Hamburg', code: 'HAM', region: 'Europe', locale: 'de', weight: 0.8 },
  { name: 'Manchester', code: 'MAN', region: 'Europe', locale: 'en', weight: 0.8 },
  { name: 'Barcelona', code: 'BCN', region: 'Europe', locale: 'es', weight: 1 },
  { name: 'Rome', code: 'ROM', region: 'Europe', locale: 'it', weight: 0.8 },
  { name: 'Lisbon', code: 'LIS', region: 'Europe', locale: 'pt', weight: 0.8 },
  { name: 'Dublin', code: 'DUB', region: 'Europe', locale: 'en', weight: 0.8 },
  { name: 'Zurich', code: 'ZRH', region: 'Europe', locale: 'de', weight: 0.8 },
  { name: 'Geneva', code: 'GVA', region: 'Europe', locale: 'fr', weight: 0.6 },
  { name: 'Vienna', code: 'VIE', region: 'Europe', locale: 'de', weight: 0.6 },
  { name: 'Stockholm', code: 'STO', region: 'Europe', locale: 'en', weight: 0.6 },
  { name: 'Prague', code: 'PRG', region: 'Europe', locale: 'en', weight: 0.6 },
  { name: 'San Francisco', code: 'SFO', region: 'Americas', locale: 'en', weight: 1.2 },
  { name: 'Austin', code: 'AUS', region: 'Americas', locale: 'en', weight: 0.8 },
  { name: 'Montreal', code: 'YMQ', region: 'Americas', locale: 'fr', weight: 0.8 },
  { name: 'Mexico City', code: 'MEX', region: 'Americas', locale: 'es', weight: 0.8 },
  { name: 'Buenos Aires', code: 'BUE', region: 'Americas', locale: 'es', weight: 0.6 },
  { name: 'Mumbai', code: 'BOM', region: 'Asia-Pacific', locale: 'in', weight: 1 },
  { name: 'Seoul', code: 'SEL', region: 'Asia-Pacific', locale: 'en', weight: 0.6 },
  { name: 'Hong Kong', code: 'HKG', region: 'Asia-Pacific', locale: 'zh', weight: 0.6 },
  { name: 'Casablanca', code: 'CAS', region: 'Middle East & Africa', locale: 'fr', weight: 0.6 },
  { name: 'Johannesburg', code: 'JNB', region: 'Middle East & Africa', locale: 'en', weight: 0.6 },
  { name: 'Cairo', code: 'CAI', region: 'Middle East & Africa', locale: 'ar', weight: 0.5 },
];

const REGION_ORDER = ['Europe', 'Americas', 'Asia-Pacific', 'Middle East & Africa'];

/** The real cities first, then "Site 49", "Site 50"… spread over the regions. */
export function citiesFor(count: number): City[] {
  const cities = CITIES.slice(0, count);
  for (let i = cities.length; i < count; i++) {
    const number = i + 1;
    cities.push({ name: `Site ${number}`, code: `S${String(number).padStart(2, '0')}`, region: REGION_ORDER[i % REGION_ORDER.length], locale: 'en', weight: 0.5 });
  }
  return cities;
}

/** Regions (only those that have a site) in a fixed order, each with its sites numbered for their subnets. */
export function planEntityTree(siteCount: number): RegionPlan[] {
  if (!Number.isInteger(siteCount) || siteCount < 1 || siteCount > MAX_SITES) throw new RangeError(`The site count must be from 1 to ${MAX_SITES}`);
  const sites: SitePlan[] = citiesFor(siteCount).map((city, i) => ({ ...city, index: i + 1 }));
  return REGION_ORDER.map((name) => ({ name, sites: sites.filter((s) => s.region === name) })).filter((r) => r.sites.length > 0);
}
