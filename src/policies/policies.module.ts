import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';

/** Tasks read their policy in their own transaction (`storedPolicyForTask`, or task creation's statement), so nothing is exported. */
@Module({
  imports: [TasksModule],
  controllers: [PoliciesController],
  providers: [PoliciesService],
})
export class PoliciesModule {}
