import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';

/** Tasks read their policy through `storedPolicyForTask` in their own transaction, so nothing is exported. */
@Module({
  imports: [TasksModule],
  controllers: [PoliciesController],
  providers: [PoliciesService],
})
export class PoliciesModule {}
