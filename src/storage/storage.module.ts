import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { FILE_STORAGE, LocalFileStorage } from './file-storage';

/** The local folder for now; an object store takes this provider's place when several machines serve. */
@Module({
  providers: [{ provide: FILE_STORAGE, useFactory: (config: AppConfig) => new LocalFileStorage(config.storageDir), inject: [APP_CONFIG] }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
