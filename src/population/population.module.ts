import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { diskStorage } from 'multer';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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
      useFactory: (config: AppConfig) => {
        const folder = join(config.storageDir, '.uploads');
        return {
          // Made on the first upload, not at start: a process that never receives one leaves no folder behind.
          storage: diskStorage({
            // Both outcomes end in done(), so the promise is settled here and needs no awaiting.
            destination: (_req, _file, done) =>
              void mkdir(folder, { recursive: true }).then(
                () => done(null, folder),
                (err: Error) => done(err, folder),
              ),
          }),
          limits: { fileSize: REGISTER_FILE_MAX_BYTES, files: 1 },
          defParamCharset: 'utf8',
        };
      },
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [PopulationController, RegisterImportsController],
  providers: [PopulationService, PersonSearchThrottle, RegisterImportService, RegisterLoader, RegisterImportQueue],
  exports: [RegisterImportService],
})
export class PopulationModule {}
