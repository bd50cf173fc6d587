import { ApiProperty } from '@nestjs/swagger';
import { DISEASE_CATEGORIES, DiseaseCategory } from '../../domain/disease-catalogue';

/** One disease of a catalogue version (疾病目录). */
export class CatalogueDiseaseView {
  @ApiProperty({ example: 'M01' }) code: string;
  @ApiProperty({ example: '食管癌' }) name: string;
  @ApiProperty({ enum: DISEASE_CATEGORIES, description: 'major 大病, chronic 慢病, severe 重病' }) category: DiseaseCategory;
}

export class CatalogueVersionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty() notes: string;
  @ApiProperty({ type: CatalogueDiseaseView, isArray: true }) diseases: CatalogueDiseaseView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId: string | null;
  @ApiProperty({ type: Date }) createdAt: Date;
}
