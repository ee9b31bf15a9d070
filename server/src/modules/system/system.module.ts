import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller';
import { PluginsController } from '../plugins/plugins.controller';
import { UiController } from '../ui/ui.controller';

/** Small read-only endpoints about the installation itself. */
@Module({ controllers: [HealthController, PluginsController, UiController] })
export class SystemModule {}
