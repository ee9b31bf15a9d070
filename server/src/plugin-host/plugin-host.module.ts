import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Contributions } from './contributions';
import { RouteRulesCheck } from './route-rules.check';

/** Makes the merged contributions of core and plugins injectable everywhere, and mounts the plugins' modules. */
@Global()
@Module({})
export class PluginHostModule {
  static forRoot(contributions: Contributions): DynamicModule {
    return {
      module: PluginHostModule,
      imports: [DiscoveryModule, ...contributions.plugins.map((p) => p.module)],
      providers: [{ provide: Contributions, useValue: contributions }, RouteRulesCheck],
      exports: [Contributions],
    };
  }
}
