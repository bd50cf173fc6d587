import { Module } from '@nestjs/common';
import { DiseaseCatalogueController } from './disease-catalogue.controller';
import { DiseaseCatalogueService } from './disease-catalogue.service';

@Module({
  controllers: [DiseaseCatalogueController],
  providers: [DiseaseCatalogueService],
  exports: [DiseaseCatalogueService],
})
export class DiseasesModule {}
