import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class CreateAnnouncementDto {
  @ApiProperty({ example: '关于开展疾病再识别工作的通知' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ example: '请各医疗机构于3月25日前完成辖区贫困人口疾病再识别工作。' })
  @IsString()
  @Length(1, 10_000)
  body: string;

  @ApiProperty({ format: 'uuid', description: 'every active user at or below this unit receives it' })
  @IsUUID()
  scopeUnitId: string;
}
