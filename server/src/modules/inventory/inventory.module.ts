import { Module } from '@nestjs/common';
import { ComputersModule } from '../computers/computers.module';
import { AgentIntakeController } from './agent-intake.controller';
import { AgentIntakeService } from './agent-intake.service';
import { AgentRegistry } from './agent-registry';
import { EntityRulesService } from './entity-rules.service';
import { IngestionRepository } from './ingestion/ingestion.repository';
import { IngestionService } from './ingestion/ingestion.service';
import { SoftwareDictionary } from './ingestion/software-dictionary';
import { InventoryAdminController } from './inventory-admin.controller';
import { InventorySettingsService } from './inventory-settings.service';

@Module({
  imports: [ComputersModule],
  controllers: [AgentIntakeController, InventoryAdminController],
  providers: [
    AgentIntakeService,
    AgentRegistry,
    EntityRulesService,
    IngestionRepository,
    IngestionService,
    SoftwareDictionary,
    InventorySettingsService,
  ],
  exports: [IngestionService, AgentRegistry],
})
export class InventoryModule {}
