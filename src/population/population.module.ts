import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { diskUploadOptions } from '../common/upload-storage';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { StorageModule } from '../storage/storage.module';
import { UnitsModule } from '../units/units.module';
import { PersonSearchThrottle } from './person-search-throttle';
import { PopulationController } from './population.controller';
import { PopulationService } from './population.service';
import { RegisterImport } from './register-import.entity';
import { RegisterImportQueue } from './register-import-queue';
import { RegisterImportService } from './register-import.service';
import { RegisterImportsController } from './register-imports.controller';
import { RegisterLoader } from './register-loader';

/** A county's register is some 20 MB of CSV; this leaves room for XLSX and larger counties. */
export const REGISTER_FILE_MAX_BYTES = 200 * 1024 * 1024;

@Module({
  imports: [
    TypeOrmModule.forFeature([RegisterImport]),
    UnitsModule,
    StorageModule,
    // Register files stream to a folder beside the storage (never whole into memory), then move into it.
    // Browsers send UTF-8 file names without saying so (multer assumes latin1).
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => diskUploadOptions(config, REGISTER_FILE_MAX_BYTES),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [PopulationController, RegisterImportsController],
  providers: [PopulationService, PersonSearchThrottle, RegisterImportService, RegisterLoader, RegisterImportQueue],
  exports: [RegisterImportService],
})
export class PopulationModule {}
