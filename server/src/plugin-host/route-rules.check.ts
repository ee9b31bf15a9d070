import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE } from '../sdk/access.decorators';

/**
 * Refuses to start when a route (core or plugin) declares no access rule: @Public, @AnyUser or @RequireRight.
 * A forgotten check then fails the first test run instead of shipping an open route.
 */
@Injectable()
export class RouteRulesCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (!this.reflector.getAllAndOverride(ACCESS_RULE, [handler, metatype])) missing.push(`${metatype.name}.${method}`);
      }
    }
    if (missing.length) throw new Error(`Routes without an access rule (@Public, @AnyUser or @RequireRight): ${missing.join(', ')}`);
  }
}
