import { Module } from '@nestjs/common';
import { MassActionsController } from './mass-actions.controller';
import { MassActionsService } from './mass-actions.service';

@Module({ controllers: [MassActionsController], providers: [MassActionsService] })
export class MassActionsModule {}
