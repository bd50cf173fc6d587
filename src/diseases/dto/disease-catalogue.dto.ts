import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsString, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';
import { CatalogueDiseaseView } from './disease-views.dto';

export class CreateCatalogueVersionDto {
  @ApiProperty({ example: '健康扶贫疾病目录（第二版）' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(0, 2000)
  notes?: string;

  @ApiProperty({
    type: CatalogueDiseaseView,
    isArray: true,
    description: 'the whole list: [{ code, name, category: major | chronic | severe }]',
    example: [{ code: 'M01', name: '食管癌', category: 'major' }],
  })
  @IsArray()
  diseases: unknown[];
}
