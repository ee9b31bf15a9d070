import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { DeleteUsersAction, DisableUsersAction, EnableUsersAction } from './users.mass-actions';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, EnableUsersAction, DisableUsersAction, DeleteUsersAction],
})
export class UsersModule {}
