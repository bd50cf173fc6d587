import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TABLE_UPLOAD_MAX_BYTES } from '../common/uploaded-table';
import { diskUploadOptions } from '../common/upload-storage';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { TasksModule } from '../tasks/tasks.module';
import { UnitsModule } from '../units/units.module';
import { ProblemsController } from './problems.controller';
import { ProblemBoardService } from './problem-board.service';
import { ProblemsService } from './problems.service';

/** Problems and rectification until cleared (整改销号), accountability (问责). */
@Module({
  imports: [
    UnitsModule,
    TasksModule,
    CampaignsModule,
    // Problem lists stream to disk, are read from there and removed.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => diskUploadOptions(config, TABLE_UPLOAD_MAX_BYTES),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [ProblemsController],
  providers: [ProblemsService, ProblemBoardService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
