import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { ComputerChanges } from './computer-changes';
import { ComputersController } from './computers.controller';
import { DeleteComputersAction, MoveComputersAction } from './computers.mass-actions';
import { ComputersRepository } from './computers.repository';
import { ComputersService } from './computers.service';

@Module({
  imports: [AgentsModule],
  controllers: [ComputersController],
  providers: [ComputersService, ComputersRepository, ComputerChanges, MoveComputersAction, DeleteComputersAction],
  exports: [ComputersRepository, ComputerChanges],
})
export class ComputersModule {}
