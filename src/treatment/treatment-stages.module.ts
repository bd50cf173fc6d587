import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { TreatmentStages } from './treatment-stages';

/** What the campaign launch and the case API share, so that neither module imports the other's. */
@Module({ imports: [TasksModule], providers: [TreatmentStages], exports: [TreatmentStages] })
export class TreatmentStagesModule {}
