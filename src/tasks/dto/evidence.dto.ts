import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class EvidenceNoteDto {
  @ApiProperty({ example: '已入户核实，签字表见附件' })
  @IsString()
  @Length(1, 10_000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note: string;
}
