import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { ComputersController } from './computers.controller';
import { DeleteComputersAction, MoveComputersAction } from './computers.mass-actions';
import { ComputersRepository } from './computers.repository';
import { ComputersService } from './computers.service';

@Module({
  imports: [AgentsModule],
  controllers: [ComputersController],
  providers: [ComputersService, ComputersRepository, MoveComputersAction, DeleteComputersAction],
})
export class ComputersModule {}
